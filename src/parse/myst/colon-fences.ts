import {eachLineOutsideCode} from './fences.js'

// `:::{name} args`, possibly indented or quoted; the info string is kept as written.
const OPENING = /^([ \t>]*)(:{3,})[ \t]*(\{.*)$/
const CLOSING = /^[ \t>]*(:{3,})[ \t]*$/

/**
 * Rewrite MyST colon fences (`:::{name} args` … `:::`) as code fences
 * (```` ```{name} args ````), line for line, so the Markdown parser sees one
 * kind of directive and every line keeps its number. As in MyST, a colon
 * fence is closed by the first line of at least as many colons; its body is
 * left as it is (it is parsed again as the directive's body, where nested
 * colon fences are rewritten in turn). The new fence is longer than any
 * fence inside the body, and uses tildes when the info string holds a
 * backtick. Colon fences inside code fences are code, and stay.
 */
export function rewriteColonFences(source: string): string {
  const lines = source.split('\n')
  eachLineOutsideCode(lines, (i) => {
    const open = OPENING.exec(lines[i]!)
    if (!open) return undefined
    const colons = open[2]!.length
    let close = i + 1
    while (close < lines.length && !closesColons(lines[close]!, colons)) close++
    const info = open[3]!
    const char = info.includes('`') ? '~' : '`'
    const fence = char.repeat(Math.max(3, longestLeadingRun(lines.slice(i + 1, close), char) + 1))
    lines[i] = open[1]! + fence + info
    if (close < lines.length) lines[close] = /^[ \t>]*/.exec(lines[close]!)![0] + fence
    return close
  })
  return lines.join('\n')
}

function closesColons(line: string, colons: number): boolean {
  const match = CLOSING.exec(line)
  return match !== null && match[1]!.length >= colons
}

/** The longest run of `char` that starts a line (after indentation and `>` markers). */
function longestLeadingRun(lines: readonly string[], char: '`' | '~'): number {
  const pattern = char === '`' ? /^[ \t>]*(`+)/ : /^[ \t>]*(~+)/
  let longest = 0
  for (const line of lines) longest = Math.max(longest, pattern.exec(line)?.[1]?.length ?? 0)
  return longest
}

/**
 * Line-level tracking of CommonMark fenced code (```` ``` ```` and `~~~`),
 * for the source rewrites that must leave code examples alone. A fence is
 * closed by a run of the same character at least as long, with nothing but
 * whitespace after it; an unclosed fence runs to the end.
 */

// An optional run of blockquote markers and indentation, the fence run, then its info string.
const OPENING = /^([ \t>]*)(`{3,}|~{3,})(.*)$/

export interface CodeFence {
  char: '`' | '~'
  length: number
}

/** The code fence `line` opens, if it opens one (a backtick fence's info string holds no backtick). */
export function openingFence(line: string): CodeFence | undefined {
  const match = OPENING.exec(line)
  if (!match) return undefined
  const run = match[2]!
  const char = run[0] as '`' | '~'
  if (char === '`' && match[3]!.includes('`')) return undefined
  return {char, length: run.length}
}

/** Whether `line` closes `fence`. */
export function closesFence(line: string, fence: CodeFence): boolean {
  const trimmed = line.replace(/^[ \t>]*/, '').trimEnd()
  if (trimmed.length < fence.length) return false
  for (const char of trimmed) if (char !== fence.char) return false
  return true
}

/**
 * Call `visit` with the index of every line that is not inside fenced code,
 * in order; a line that opens a code fence is passed too, before the fence is
 * entered. When `visit` handles a line it returns the index of the last line
 * it used (the line itself, or a closing line further on): scanning goes on
 * after it, and the line is not taken as a fence opening.
 */
export function eachLineOutsideCode(lines: readonly string[], visit: (index: number) => number | undefined): void {
  let code: CodeFence | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (code) {
      if (closesFence(line, code)) code = undefined
      continue
    }
    const used = visit(i)
    if (used !== undefined) i = used
    else code = openingFence(line)
  }
}

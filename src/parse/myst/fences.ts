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

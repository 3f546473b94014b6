import type {VFile} from 'vfile'
import {emit} from '../diagnostics/message.js'

/**
 * Block containers (`>`, list markers) a line may open before coursebook
 * stops parsing it as Markdown. Real course text rarely goes past five; the
 * Markdown parser and the HTML serialiser recurse once per level and run out
 * of stack in the low thousands, and deeply nested list markers take minutes
 * to parse.
 */
export const MAX_NESTING = 100

// One container opener at the start of what is left of a line: a blockquote
// marker, or a bullet or ordered list marker followed by a space or the end.
const OPENER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/
// A list item indented this far is nested by indentation (two columns a level at least).
const INDENTED_ITEM = /^([ \t]+)(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/

/**
 * The deepest nesting on one line of `source`, and that line (1-based): the
 * run of container openers it starts with, or, for a list item, its
 * indentation (two columns a level), whichever is more.
 */
export function nestingDepth(source: string): {depth: number; line: number} {
  let deepest = {depth: 0, line: 0}
  let line = 0
  for (const text of source.split('\n')) {
    line++
    let rest = text
    const indented = INDENTED_ITEM.exec(text)
    let depth = indented ? Math.floor(indented[1]!.replace(/\t/g, '    ').length / 2) : 0
    if (depth > deepest.depth) deepest = {depth, line}
    depth = 0
    for (let match = OPENER.exec(rest); match && match[0] !== ''; match = OPENER.exec(rest)) {
      depth++
      rest = rest.slice(match[0].length)
      if (depth > MAX_NESTING) break
    }
    if (depth > deepest.depth) deepest = {depth, line}
    if (deepest.depth > MAX_NESTING) break
  }
  return deepest
}

/**
 * The Markdown to parse for `source`: `source` itself, or, when a line nests
 * more than `MAX_NESTING` blockquotes or lists, the whole source as a fenced
 * plain-text block, with a `content-too-deep` error on the file (placed at
 * that line when `placed`; notebook cells are not, since their lines are not
 * the file's). The result always parses without deep recursion.
 */
export function limitNesting(source: string, file: VFile, placed = true): string {
  const {depth, line} = nestingDepth(source)
  if (depth <= MAX_NESTING) return source
  emit(file, 'content-too-deep', `Blockquotes or lists are nested more than ${MAX_NESTING} levels deep, too deep to render; the text is shown as it was written`, {
    stage: 'parse',
    place: placed ? {line, column: 1} : undefined,
  })
  let longest = 2
  for (const run of source.matchAll(/`{3,}/g)) longest = Math.max(longest, run[0].length)
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${source}\n${fence}\n`
}

import type {Extension as MicromarkExtension} from 'micromark-util-types'
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {math} from 'micromark-extension-math'
import {mathFromMarkdown} from 'mdast-util-math'
import {directive} from 'micromark-extension-directive'
import {directiveFromMarkdown} from 'mdast-util-directive'

/**
 * The Markdown syntax beyond CommonMark, as the parts remark-gfm,
 * remark-math and remark-directive are made of (in their order), each with
 * the characters without which it cannot match anything.
 *
 * Why parts: micromark tries every construct of every extension at every
 * position its trigger could start; a notebook's Markdown cells are short,
 * and most have no table, no footnote, no directive, no bare URL. Parsing
 * each text with only the parts it could use gave the same trees (all 561
 * cells of the benchmark course, and the property test in
 * test/parse/markdown-syntax.test.ts) in about three quarters of the time.
 */
interface SyntaxPart {
  /** Whether `text` could hold this syntax at all. */
  possible(text: string): boolean
  micromark: MicromarkExtension
  fromMarkdown: FromMarkdownExtension | FromMarkdownExtension[]
}

const PARTS: readonly SyntaxPart[] = [
  // Literal autolinks start at `www.`, at a scheme's `://` (http, https) or at an e-mail's `@` (mailto:, xmpp: too).
  {possible: (text) => /www\.|:\/\/|@/i.test(text), micromark: gfmAutolinkLiteral(), fromMarkdown: gfmAutolinkLiteralFromMarkdown()},
  {possible: (text) => text.includes('[^'), micromark: gfmFootnote(), fromMarkdown: gfmFootnoteFromMarkdown()},
  {possible: (text) => text.includes('~'), micromark: gfmStrikethrough(), fromMarkdown: gfmStrikethroughFromMarkdown()},
  // A GFM table needs a pipe between cells, even a one-column table has them at its ends.
  {possible: (text) => text.includes('|'), micromark: gfmTable(), fromMarkdown: gfmTableFromMarkdown()},
  {possible: (text) => text.includes('['), micromark: gfmTaskListItem(), fromMarkdown: gfmTaskListItemFromMarkdown()},
  {possible: (text) => text.includes('$'), micromark: math(), fromMarkdown: mathFromMarkdown()},
  {possible: (text) => text.includes(':'), micromark: directive(), fromMarkdown: directiveFromMarkdown()},
]

/** Every part: the syntax of remark-gfm, remark-math and remark-directive together. */
export const ALL_SYNTAX = (1 << PARTS.length) - 1

/** The parts `text` could use, as a bit set (bit i: part i). */
export function syntaxFor(text: string): number {
  let set = 0
  PARTS.forEach((part, i) => {
    if (part.possible(text)) set |= 1 << i
  })
  return set
}

/** A unified plugin adding the parts in `set` to remark-parse, as remark-gfm and the others add theirs. */
export function markdownSyntax(this: Processor, set: number): void {
  const data = this.data()
  const micromark = (data.micromarkExtensions ??= [])
  const fromMarkdown = (data.fromMarkdownExtensions ??= [])
  PARTS.forEach((part, i) => {
    if (!(set & (1 << i))) return
    micromark.push(part.micromark)
    fromMarkdown.push(...[part.fromMarkdown].flat())
  })
}

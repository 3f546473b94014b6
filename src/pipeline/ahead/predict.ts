import type {BundledLanguage} from 'shiki'
import {asArray, asRecord, joinText} from '../../parse/notebook/json-values.js'
import {cellTags} from '../../parse/notebook/cells.js'
import {cellLanguage, notebookLanguage} from '../../parse/notebook/language.js'
import {nestingDepth, MAX_NESTING} from '../../parse/nesting.js'
import {resolveLanguage} from '../../render/html/highlight.js'
import type {MarkdownKind} from './prepared.js'
import {VFile} from 'vfile'
import {readCellFrontmatter} from '../../parse/notebook/frontmatter.js'
import {parseMagicCell} from '../../transform/tikz/magic.js'

/**
 * What a page will most likely ask of the Markdown parser and the
 * highlighter, read from its raw file: the helper thread prepares these
 * ahead of the page, keyed by exactly the input.
 *
 * A prediction only has to be usually right. Whatever the page ends up
 * asking that was not predicted (a fence inside a list, a MyST `code-cell`,
 * a Markdown output) is computed on the page's own thread, and a prediction
 * the page does not use costs only the helper's time.
 */
export interface Prediction {
  markdown: Array<{kind: MarkdownKind; text: string}>
  code: PredictedCode[]
}

/** A block of code a page will probably ask the highlighter for. */
export interface PredictedCode {
  lang: BundledLanguage
  code: string
}

/** The predictions for a page's source `text`, a notebook's JSON or a Markdown page. */
export function predict(text: string, kind: 'notebook' | 'markdown'): Prediction {
  if (kind === 'markdown') return {markdown: parseable(text) ? [{kind: 'page', text}] : [], code: fencedCode(text)}
  let notebook: unknown
  try {
    notebook = JSON.parse(text)
  } catch {
    return {markdown: [], code: []}
  }
  return predictNotebook(asRecord(notebook))
}

/** Whether the page parses `text` as it is (deeper nesting is replaced first, see nesting.ts). */
function parseable(text: string): boolean {
  return nestingDepth(text).depth <= MAX_NESTING
}

function predictNotebook(record: Record<string, unknown>): Prediction {
  const language = notebookLanguage(record.metadata)
  const predicted: PredictedCode[] = []
  const markdown: Prediction['markdown'] = []
  let first = true
  for (const [index, value] of asArray(record.cells).entries()) {
    const cell = asRecord(value)
    const source = joinText(cell.source)
    if (cell.cell_type === 'markdown') {
      // The first Markdown cell is parsed without its front matter (notebook/tree.ts); its problems are the page's to report.
      const parsed = first ? (readCellFrontmatter(source, new VFile(), index)?.body ?? source) : source
      first = false
      // Every Markdown cell is parsed, a removed one too (cell tags apply to the tree).
      if (parsed.trim() && parseable(parsed)) markdown.push({kind: 'blocks', text: parsed})
    }
    // Cells the page removes (cell-tags.ts) are not highlighted.
    const tags = cellTags(asRecord(cell.metadata))
    if (tags.includes('remove-cell')) continue
    if (cell.cell_type === 'markdown') predicted.push(...fencedCode(source))
    if (cell.cell_type !== 'code' || !source.trim() || tags.includes('remove-input')) continue
    // A cell the TikZ transform draws (a `%%tikz`, `%%itikz`, `%%circuitikz` or `%tikz` magic) is not highlighted.
    if (parseMagicCell(source).kind === 'diagram') continue
    const lang = resolveLanguage(cellLanguage(source, language))
    if (lang) predicted.push({lang, code: source})
  }
  return {markdown, code: predicted}
}

// An opening fence at the start of a line (up to three spaces in), its info string's first word, the rest of the line.
const OPENING = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*$/

/** CommonMark fenced code blocks outside any container, each with the value remark gives the `code` node. */
function fencedCode(text: string): PredictedCode[] {
  const lines = text.split('\n')
  const predicted: PredictedCode[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!)
    if (!open) continue
    const [, indent = '', fence = '', info = ''] = open
    if (fence[0] === '`' && lines[i]!.slice(indent.length + fence.length).includes('`')) continue
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`)
    let end = i + 1
    while (end < lines.length && !closing.test(lines[end]!)) end++
    // An unclosed fence runs to the end of its container: not predicted.
    if (end === lines.length) break
    const lang = resolveLanguage(info)
    if (lang) {
      const strip = new RegExp(`^ {0,${indent.length}}`)
      predicted.push({lang, code: lines.slice(i + 1, end).map((line) => (indent ? line.replace(strip, '') : line)).join('\n')})
    }
    i = end
  }
  return predicted
}

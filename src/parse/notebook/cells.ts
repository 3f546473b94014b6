import type {NotebookCodeCell, NotebookMarkdownCell, NotebookRawCell} from '../../pipeline/types.js'
import {resolveAttachments} from './attachments.js'
import {asRecord, asString, asStringArray, joinText, type JsonObject} from './json-values.js'
import {cellLanguage} from './language.js'
import {buildOutputs, type OutputContext} from './outputs.js'

/** What building any cell needs: the output context plus the notebook's language. */
export interface CellContext extends Omit<OutputContext, 'cell'> {
  /** The notebook language, for code cells without a cell magic. */
  language: string
}

/**
 * A Markdown cell from its (front-matter-free) `source`: the parsed Markdown
 * with `attachment:` images resolved to files.
 */
export function markdownCell(cell: JsonObject, index: number, source: string, context: CellContext): NotebookMarkdownCell {
  const metadata = asRecord(cell.metadata)
  const children = context.parseMarkdown(source)
  resolveAttachments(children, cell.attachments, context.file, index)
  const node: NotebookMarkdownCell = {type: 'notebookMarkdownCell', index, tags: cellTags(metadata), hidden: {input: inputHidden(metadata)}, children}
  const flags = cellFlags(metadata)
  if (flags) node.flags = flags
  return node
}

/** A code cell with its outputs; the language is the notebook's unless a cell magic names another. */
export function codeCell(cell: JsonObject, index: number, context: CellContext): NotebookCodeCell {
  const metadata = asRecord(cell.metadata)
  const source = joinText(cell.source)
  const count = cell.execution_count
  const node: NotebookCodeCell = {
    type: 'notebookCodeCell',
    index,
    source,
    language: cellLanguage(source, context.language),
    executionCount: typeof count === 'number' && Number.isInteger(count) ? count : null,
    tags: cellTags(metadata),
    hidden: {input: inputHidden(metadata), output: asRecord(metadata.jupyter).outputs_hidden === true},
    children: buildOutputs(cell.outputs, {...context, cell: index}),
  }
  const flags = cellFlags(metadata)
  if (flags) node.flags = flags
  return node
}

/** A raw cell; its format is `raw_mimetype` (classic Notebook) or `format` (nbformat) metadata, lower-cased. */
export function rawCell(cell: JsonObject, index: number): NotebookRawCell {
  const metadata = asRecord(cell.metadata)
  const format = asString(metadata.raw_mimetype).trim() || asString(metadata.format).trim()
  return {type: 'notebookRawCell', index, format: format.toLowerCase(), tags: cellTags(metadata), value: joinText(cell.source)}
}

/** Top-level metadata keys set to `true` (course conventions such as `activity: true`), or undefined when there are none. */
function cellFlags(metadata: JsonObject): string[] | undefined {
  const flags = Object.keys(metadata).filter((key) => metadata[key] === true)
  return flags.length > 0 ? flags : undefined
}

/** A cell's tags: `metadata.tags` when it is an array, non-string entries dropped (what the cell-tag transform reads). */
export function cellTags(metadata: JsonObject): string[] {
  return asStringArray(metadata.tags)
}

/** `metadata.jupyter.source_hidden`, or the classic Notebook's `hide_input`. */
function inputHidden(metadata: JsonObject): boolean {
  return asRecord(metadata.jupyter).source_hidden === true || metadata.hide_input === true
}

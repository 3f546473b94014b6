import type {BundledLanguage} from 'shiki'
import {asArray, asRecord, asString, asStringArray, joinText} from '../../parse/notebook/json-values.js'
import {cellLanguage, notebookLanguage} from '../../parse/notebook/language.js'
import {resolveLanguage} from './highlight.js'

/** A block of code a page will probably ask the highlighter for. */
export interface PredictedCode {
  lang: BundledLanguage
  code: string
}

/**
 * The code blocks a page's source will most likely highlight, read from the
 * raw file without parsing it: a notebook's code cells (language as the
 * notebook parser decides it) and the top-level fenced blocks of its Markdown.
 *
 * A prediction only has to be usually right. The highlighting helper renders
 * these ahead of the page, keyed by language and exact code; a block the
 * page ends up with that was not predicted (a fence inside a list, a
 * MyST `code-cell`) is highlighted on the page's own thread, and a
 * prediction the page does not use costs only the helper's time.
 */
export function predictCode(text: string, kind: 'notebook' | 'markdown'): PredictedCode[] {
  if (kind === 'markdown') return fencedCode(text)
  let notebook: unknown
  try {
    notebook = JSON.parse(text)
  } catch {
    return []
  }
  const record = asRecord(notebook)
  const language = notebookLanguage(record.metadata)
  const predicted: PredictedCode[] = []
  for (const value of asArray(record.cells)) {
    const cell = asRecord(value)
    const source = joinText(cell.source)
    // Cells the page removes (cell-tags.ts) are not highlighted.
    const tags = asStringArray(asRecord(cell.metadata).tags)
    if (tags.includes('remove-cell')) continue
    if (cell.cell_type === 'markdown') predicted.push(...fencedCode(source))
    if (cell.cell_type !== 'code' || !source.trim() || tags.includes('remove-input')) continue
    // A `%%tikz` cell becomes a drawing (transform/tikz), not highlighted code.
    if (source.startsWith('%%tikz')) continue
    const lang = resolveLanguage(cellLanguage(source, language))
    if (lang) predicted.push({lang, code: source})
  }
  return predicted
}

// An opening fence at the start of a line (up to three spaces in), its info string's first word, the rest of the line.
const OPENING = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*$/

/** CommonMark fenced code blocks outside any container, each with the value remark gives the `code` node. */
function fencedCode(text: string): PredictedCode[] {
  const lines = asString(text).split('\n')
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

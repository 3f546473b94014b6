import {isMap, parseDocument} from 'yaml'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import {isRecord} from './json-values.js'

/** A Markdown cell's source split into its front matter and the rest. */
export interface CellFrontmatter {
  /** The parsed mapping; `{}` when the block is empty or invalid. */
  data: Record<string, unknown>
  /** The source after the closing `---` line. */
  body: string
}

// `---` alone on the first line, YAML, then `---` (or `...`) alone on a line.
const block = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/**
 * Read a YAML front matter block at the very start of a Markdown cell's
 * source. Returns undefined when the cell has none. Since `---` is also a
 * Markdown thematic break, a block counts as front matter only when it is
 * empty or holds a YAML mapping; prose, a heading or a list between two rules
 * is left alone. YAML that fails to parse but starts like a mapping (`key:`)
 * is a `frontmatter-invalid` warning on `cell`, placed at the line within the
 * cell, and gives `data: {}`. The block is removed from `body` in every case
 * where it counts as front matter, so it never shows as text.
 */
export function readCellFrontmatter(source: string, file: VFile, cell: number): CellFrontmatter | undefined {
  const match = block.exec(source)
  if (!match) return undefined
  const yaml = match[1] ?? ''
  const body = source.slice(match[0].length)
  if (yaml.trim() === '') return {data: {}, body}
  const document = parseDocument(yaml, {prettyErrors: true})
  const [error] = document.errors
  if (error) {
    if (!startsLikeMapping(yaml)) return undefined
    const at = error.linePos?.[0]
    // +1: the YAML starts on the line after the opening `---`.
    const place = at ? {line: at.line + 1, column: at.col} : {line: 2, column: 1}
    // yaml's own "at line N, column M" counts from the block, not the cell; the place has it right.
    const detail = (error.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?$/, '')
    const reason = `Front matter is not valid YAML: ${detail}`
    emit(file, 'frontmatter-invalid', reason, {stage: 'notebook', cell, place, cause: error})
    return {data: {}, body}
  }
  const value = toJS(document)
  return isMap(document.contents) && isRecord(value) ? {data: value, body} : undefined
}

function startsLikeMapping(yaml: string): boolean {
  const first = yaml.split(/\r?\n/).find(line => line.trim() !== '' && !line.trimStart().startsWith('#'))
  return first !== undefined && /^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/.test(first)
}

// toJS throws on pathological documents (e.g. an alias bomb); treat that as not a mapping.
function toJS(document: ReturnType<typeof parseDocument>): unknown {
  try {
    return document.toJS()
  } catch {
    return undefined
  }
}

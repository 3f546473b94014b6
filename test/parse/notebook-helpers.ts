import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Image, Root, RootContent} from 'mdast'
import {VFile} from 'vfile'
import type {PageSource} from '../../src/pipeline/types.js'
import {parseNotebook, type NotebookParseOptions} from '../../src/parse/notebook/index.js'

/** The shared fixtures folder; tests using it skip where it is absent. */
export const sharedFixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures')
export const hasSharedFixtures = existsSync(sharedFixtures)

/** A shared fixture's path, e.g. `shared('edge/nbformat/test4.ipynb')`. */
export function shared(relative: string): string {
  return path.join(sharedFixtures, relative)
}

/** Markdown stub for tests where the Markdown itself does not matter: one paragraph of the source. */
export function stubMarkdown(source: string): RootContent[] {
  return [{type: 'paragraph', children: [{type: 'text', value: source}]}]
}

/** Markdown stub that also knows inline images `![alt](url)`, enough for attachments. */
export function imageMarkdown(source: string): RootContent[] {
  const children: Array<Image | {type: 'text'; value: string}> = []
  let last = 0
  for (const match of source.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    if (match.index > last) children.push({type: 'text', value: source.slice(last, match.index)})
    children.push({type: 'image', alt: match[1], url: match[2]!, position: {start: {line: 1, column: match.index + 1}, end: {line: 1, column: match.index + match[0].length + 1}}})
    last = match.index + match[0].length
  }
  if (last < source.length) children.push({type: 'text', value: source.slice(last)})
  return [{type: 'paragraph', children}]
}

export interface RunOptions extends Partial<NotebookParseOptions> {
  outPath?: string
}

/** Parse a notebook (an object, JSON text or bytes) the way the page stage does, returning the file. */
export function run(notebook: unknown, {outPath = 'week-01/intro.html', parseMarkdown = stubMarkdown}: RunOptions = {}): VFile {
  const value = typeof notebook === 'string' || notebook instanceof Uint8Array ? notebook : JSON.stringify(notebook)
  const file = new VFile({path: `/course/content/${outPath.replace(/\.html$/, '.ipynb')}`, value})
  const source = {path: file.path, relPath: outPath.replace(/\.html$/, '.ipynb'), kind: 'notebook', outPath} as PageSource
  file.data.coursebook = {source, frontmatter: {}, assets: [], dependencies: []}
  parseNotebook(file, {parseMarkdown})
  return file
}

/** Parse a shared fixture notebook. */
export function runFixture(relative: string, options: RunOptions = {}): VFile {
  return run(readFileSync(shared(relative)), options)
}

/** The messages of a file in a form easy to assert on. */
export function messagesOf(file: VFile): Array<{ruleId: string | undefined; cell: number | undefined; reason: string}> {
  return file.messages.map(message => ({ruleId: message.ruleId, cell: message.cell, reason: message.reason}))
}

/** Reasons of the messages with one rule id. */
export function reasons(file: VFile, ruleId: string): string[] {
  return file.messages.filter(message => message.ruleId === ruleId).map(message => message.reason)
}

/** A valid nbformat 4.5 notebook of these cells; cells without an id get `cell-N`. */
export function notebook(cells: object[], metadata: object = {}, minor = 5): Record<string, unknown> {
  return {
    cells: cells.map((cell, index) => (minor >= 5 && !('id' in cell) ? {id: `cell-${index}`, ...cell} : cell)),
    metadata,
    nbformat: 4,
    nbformat_minor: minor,
  }
}

export function markdownCell(source: string | string[], extra: object = {}): object {
  return {cell_type: 'markdown', metadata: {}, source, ...extra}
}

export function codeCell(source: string | string[], outputs: object[] = [], extra: object = {}): object {
  return {cell_type: 'code', execution_count: null, metadata: {}, outputs, source, ...extra}
}

export function rawCell(source: string, metadata: object = {}): object {
  return {cell_type: 'raw', metadata, source}
}

/** A 1×1 PNG, base64. */
export const tinyPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** The tree a parse produced; fails the test with the messages when there is none. */
export function treeOf(file: VFile): Root {
  const tree = file.data.coursebook?.tree
  if (!tree) throw new Error(`no tree; messages: ${file.messages.map(message => message.reason).join(' | ')}`)
  return tree
}

import type {Root, RootContent} from 'mdast'
import {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../../src/parse/markdown.js'
import {parseNotebook} from '../../../src/parse/notebook/index.js'
import {courseTransform, type CourseOutcome} from '../../../src/transform/course/index.js'

/** A page file for diagnostics, with the page data the parsers need. */
export function pageFile(path = '/course/content/unit/page.md', value = ''): VFile {
  const file = new VFile({path, value})
  const kind = path.endsWith('.ipynb') ? 'notebook' : 'markdown'
  file.data.coursebook = {source: {path, relPath: 'unit/page', kind, outPath: 'unit/page.html', order: 0, unit: {} as never}, frontmatter: {}, assets: [], dependencies: []}
  return file
}

/** MyST Markdown through the real parser and the course transform. */
export function courseMarkdown(markdown: string, audience = 'student'): {tree: Root; file: VFile; outcome: CourseOutcome} {
  const file = pageFile()
  const tree = parseMarkdownSource(markdown)
  const outcome = courseTransform(tree, file, {audience})
  return {tree, file, outcome}
}

/** A notebook (cells as nbformat JSON) through the real notebook parser and the course transform. */
export function courseNotebook(cells: unknown[], audience = 'student'): {tree: Root; file: VFile; outcome: CourseOutcome} {
  const file = pageFile('/course/content/unit/page.ipynb', notebookJson(cells))
  parseNotebook(file, {parseMarkdown: parseMarkdownBlocks})
  const tree = file.data.coursebook!.tree!
  const outcome = courseTransform(tree, file, {audience})
  return {tree, file, outcome}
}

/** A notebook JSON (nbformat 4.5) holding `cells`. */
export function notebookJson(cells: unknown[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {kernelspec: {name: 'python3', display_name: 'Python 3', language: 'python'}, language_info: {name: 'python'}},
    cells: cells.map((cell, i) => ({id: `c${i}`, metadata: {}, ...(cell as object)})),
  })
}

export const markdownCell = (source: string, metadata: Record<string, unknown> = {}) => ({cell_type: 'markdown', source, metadata})
export const codeCell = (source: string, metadata: Record<string, unknown> = {}) => ({cell_type: 'code', source, metadata, outputs: [], execution_count: null})

/** Every node of a type, in document order. */
export function nodesOf<T extends RootContent['type']>(tree: Root, type: T): Array<Extract<RootContent, {type: T}>> {
  const found: Array<Extract<RootContent, {type: T}>> = []
  visit(tree, type, (node) => {
    found.push(node as Extract<RootContent, {type: T}>)
  })
  return found
}

/** The rule ids of a file's messages. */
export function rules(file: VFile): string[] {
  return file.messages.map((m) => String(m.ruleId))
}

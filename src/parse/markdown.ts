import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkDirective from 'remark-directive'
import {parse as parseYaml} from 'yaml'
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {protectWithLineMap, unmapLines} from './protect-math.js'
import {emit} from '../diagnostics/message.js'

/**
 * The one Markdown syntax used everywhere: pages, notebook Markdown cells and
 * `text/markdown` outputs. Created once; parsing is synchronous. Only pages
 * have front matter: in a cell or an output, a leading `---` is a thematic
 * break (the notebook parser takes a first cell's front matter out itself).
 */
const blocks = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDirective).freeze()
const pages = blocks().use(remarkFrontmatter, ['yaml']).freeze()

/** Parse a Markdown page to mdast (front matter becomes a `yaml` node), with bare LaTeX environments protected. */
export function parseMarkdownSource(source: string): Root {
  const {text, inserted} = protectWithLineMap(source)
  const tree = pages.parse(text) as Root
  unmapLines(tree, inserted)
  return tree
}

/** Parse Markdown into block content, for notebook cells and outputs. */
export function parseMarkdownBlocks(source: string): RootContent[] {
  const {text, inserted} = protectWithLineMap(source)
  const tree = blocks.parse(text) as Root
  unmapLines(tree, inserted)
  return tree.children
}

/**
 * Parse a Markdown page into `file.data.coursebook.tree`, moving its YAML
 * front matter into `file.data.coursebook.frontmatter`.
 */
export function parseMarkdownPage(file: VFile): void {
  const tree = parseMarkdownSource(String(file.value))
  const first = tree.children[0]
  if (first?.type === 'yaml') {
    tree.children.shift()
    file.data.coursebook!.frontmatter = readFrontmatter(first.value, file, first)
  }
  file.data.coursebook!.tree = tree
}

/** Parse YAML front matter; a problem is a diagnostic and yields `{}`. */
export function readFrontmatter(yaml: string, file: VFile, node?: RootContent, cell?: number): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(yaml)
    if (value === null || value === undefined) return {}
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
    emit(file, 'frontmatter-invalid', 'Front matter must be a YAML mapping of keys to values', {node, cell, stage: 'parse'})
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    emit(file, 'frontmatter-invalid', `Front matter is not valid YAML: ${reason}`, {node, cell, stage: 'parse', cause: error})
  }
  return {}
}

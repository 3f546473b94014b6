import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {parse as parseYaml} from 'yaml'
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {protectWithLineMap, unmapLines} from './protect-math.js'
import {displayDollarMath} from './display-math.js'
import {mystSyntax, prepareMystSource} from './myst/index.js'
import {emit} from '../diagnostics/message.js'
import {markdownSyntax, syntaxFor} from './markdown-syntax.js'
import {preparedMarkdown} from '../pipeline/ahead/prepared.js'

/**
 * The one Markdown syntax used everywhere: pages, notebook Markdown cells and
 * `text/markdown` outputs: CommonMark with GFM, math and directives. Each
 * text is parsed by a processor with only the parts of that syntax it could
 * use (see `markdown-syntax.ts`), made once per combination. Only pages have
 * front matter: in a cell or an output, a leading `---` is a thematic break
 * (the notebook parser takes a first cell's front matter out itself).
 */
type MarkdownProcessor = ReturnType<typeof processorFor>
const processors = new Map<string, MarkdownProcessor>()

function processorFor(set: number, frontmatter: boolean) {
  const processor = unified().use(remarkParse).use(markdownSyntax, set)
  return (frontmatter ? processor.use(remarkFrontmatter, ['yaml']) : processor).freeze()
}

function processorOf(text: string, frontmatter: boolean): MarkdownProcessor {
  const set = syntaxFor(text)
  const key = `${set}${frontmatter ? 'f' : ''}`
  let processor = processors.get(key)
  if (!processor) processors.set(key, (processor = processorFor(set, frontmatter)))
  return processor
}

/**
 * Parse a Markdown page to mdast (front matter becomes a `yaml` node), with
 * bare LaTeX environments protected and MyST syntax as MyST nodes.
 */
export function parseMarkdownSource(source: string): Root {
  return preparedMarkdown<Root>('page', source) ?? parseWith(true, source, 0)
}

/** Parse Markdown into block content, for notebook cells and outputs. */
export function parseMarkdownBlocks(source: string): RootContent[] {
  return preparedMarkdown<RootContent[]>('blocks', source) ?? parseWith(false, source, 0).children
}

/** Parse with MyST syntax (directive bodies recursively, one level deeper) and LaTeX environments handled. */
function parseWith(frontmatter: boolean, source: string, depth: number): Root {
  const prepared = prepareMystSource(source)
  const {text, inserted} = protectWithLineMap(prepared.text)
  const tree = processorOf(text, frontmatter).parse(text) as Root
  displayDollarMath(tree, text)
  unmapLines(tree, inserted)
  mystSyntax(tree, prepared, (body, level) => parseWith(false, body, level).children, depth)
  return tree
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

import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../../src/parse/markdown.js'
import {directivesTransform} from '../../../src/transform/directives.js'
import {mystLeftoversTransform, mystTransform} from '../../../src/transform/myst/index.js'
import type {PageSource} from '../../../src/pipeline/types.js'

/** A page's file as the pipeline makes it, for running transforms on their own. */
export function pageFile(path: string): VFile {
  const file = new VFile({path})
  file.data.coursebook = {source: {path} as PageSource, frontmatter: {}, assets: [], dependencies: []}
  return file
}

export interface Transformed {
  tree: Root
  file: VFile
  /** `ruleId message` of each diagnostic. */
  messages: string[]
}

/**
 * Parse Markdown as a page and run the directive transforms the page
 * pipeline runs before headings: the `:::` directives, the MyST transform
 * and (unless `leftovers` is false) the leftovers step.
 */
export function transformMarkdown(markdown: string, options: {path?: string; contentPath?: string; leftovers?: boolean} = {}): Transformed {
  const file = pageFile(options.path ?? '/course/content/unit/page.md')
  const tree = parseMarkdownSource(markdown)
  if (tree.children[0]?.type === 'yaml') tree.children.shift()
  directivesTransform(tree, file)
  mystTransform(tree, file, {parseMarkdown: parseMarkdownBlocks, contentPath: options.contentPath ?? '/course/content'})
  if (options.leftovers !== false) mystLeftoversTransform(tree, file)
  return {tree, file, messages: file.messages.map((m) => `${m.ruleId} ${m.reason}`)}
}

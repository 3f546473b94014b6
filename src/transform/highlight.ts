import {visit} from '../pipeline/visit.js'
import type {Root, Code, Html} from 'mdast'
import type {VFile} from 'vfile'
import type {BundledLanguage} from 'shiki'
import type {NotebookCodeCell} from '../pipeline/types.js'
import {getHighlighter, highlightKey, highlightToHtml, resolveLanguage} from '../render/html/highlight.js'
import {aheadHtml, aheadReady} from '../render/html/highlight-ahead.js'
import {emit} from '../diagnostics/message.js'

/**
 * Highlight fenced code blocks (replaced by raw HTML) and notebook code cells
 * (`highlighted` set) with the build's shiki highlighter. A language shiki does
 * not know stays plain text, with an info diagnostic; nothing throws.
 */
export async function highlightTransform(tree: Root, file: VFile): Promise<void> {
  const blocks: Array<{node: Code; index: number; parent: {children: unknown[]}; lang: BundledLanguage}> = []
  const cells: Array<{node: NotebookCodeCell; lang: BundledLanguage}> = []
  const reported = new Set<string>()
  const unknown = (name: string, node: Code | NotebookCodeCell) => {
    if (reported.has(name)) return
    reported.add(name)
    emit(file, 'code-language-unknown', `No highlighting for language "${name}"; shown as plain text`, {node, stage: 'highlight'})
  }
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' && parent && index !== undefined) {
      const lang = resolveLanguage(node.lang)
      if (lang) blocks.push({node, index, parent, lang})
      else if (node.lang && !['text', 'plain', 'txt', 'output', 'none'].includes(node.lang.toLowerCase())) unknown(node.lang, node)
    } else if (node.type === 'notebookCodeCell') {
      const lang = resolveLanguage(node.language)
      if (lang) cells.push({node, lang})
      else unknown(node.language, node)
    }
  })
  if (blocks.length === 0 && cells.length === 0) return
  // The highlighting helper may have this page's code already; the highlighter is made ready only for what it has not.
  await aheadReady(file.path)
  const code = [...cells.filter(({node}) => node.source.trim()).map(({node, lang}) => ({lang, code: node.source})), ...blocks.map(({node, lang}) => ({lang, code: node.value}))]
  const known = new Map<string, string>()
  for (const c of code) {
    const key = highlightKey(c.lang, c.code)
    const found = aheadHtml(key)
    if (found !== undefined) known.set(key, found)
  }
  const missing = code.filter((c) => !known.has(highlightKey(c.lang, c.code)))
  const highlighter = missing.length > 0 ? await getHighlighter(new Set(missing.map((c) => c.lang))) : undefined
  const html = (lang: BundledLanguage, value: string) => known.get(highlightKey(lang, value)) ?? highlightToHtml(highlighter!, value, lang)
  for (const {node, lang} of cells) {
    if (node.source.trim()) node.highlighted = html(lang, node.source)
  }
  for (const {node, index, parent, lang} of blocks) {
    const block: Html = {type: 'html', value: html(lang, node.value), position: node.position}
    parent.children[index] = block
  }
}

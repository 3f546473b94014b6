import {visit} from '../pipeline/visit.js'
import type {Root, Code, Html} from 'mdast'
import type {VFile} from 'vfile'
import type {BundledLanguage} from 'shiki'
import type {NotebookCodeCell} from '../pipeline/types.js'
import {getHighlighter, highlightKey, highlightToHtml, resolveLanguage} from '../render/html/highlight.js'
import {answerFor, preparedCode} from '../pipeline/ahead/prepared.js'
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
  // The helper thread highlights the code of the pages it has in hand (pipeline/ahead); the highlighter is readied only for the rest.
  await answerFor(file.path)
  // Each block's prepared HTML is taken now, before the await below, during which the helper may be closed.
  const code = [
    ...cells.filter(({node}) => node.source.trim()).map(({node, lang}) => ({lang, value: node.source, put: (html: string) => void (node.highlighted = html)})),
    ...blocks.map(({node, index, parent, lang}) => ({lang, value: node.value, put: (html: string) => void (parent.children[index] = {type: 'html', value: html, position: node.position} satisfies Html)})),
  ].map((block) => ({...block, prepared: preparedCode(highlightKey(block.lang, block.value))}))
  const missing = code.filter((block) => block.prepared === undefined)
  const highlighter = missing.length > 0 ? await getHighlighter(new Set(missing.map((block) => block.lang))) : undefined
  for (const block of code) block.put(block.prepared ?? highlightToHtml(highlighter!, block.value, block.lang))
}

import type {Blockquote} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {fit} from '../content-model.js'

const SOURCE = /^\s*Source:\s*/

/**
 * `blockquote` → `Quote`. A last paragraph starting "Source:" becomes the
 * quote's `SourceReference` (without the word), as OU quotes credit their
 * source; a quote with nothing else keeps it as its paragraph.
 */
export function blockquoteHandler(state: State, node: Blockquote): XmlNode[] {
  const content = fit(state, 'Quote', state.blocks(node))
  if (content.length === 0) return []
  const last = content.at(-1)!
  const first = last.elements?.[0]
  if (content.length > 1 && last.name === 'Paragraph' && first?.type === 'text' && SOURCE.test(first.text)) {
    content.pop()
    const rest = [{type: 'text' as const, text: first.text.replace(SOURCE, '')}, ...(last.elements ?? []).slice(1)].filter((n) => n.type !== 'text' || n.text)
    content.push(state.element('SourceReference', {}, rest, last.pos))
  }
  return [state.element('Quote', {}, content, node)]
}

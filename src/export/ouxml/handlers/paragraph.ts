import type {Image, ImageReference, Paragraph, PhrasingContent} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {figure, imageSourceOf} from './image.js'

/**
 * `paragraph` → `Paragraph`. A paragraph of nothing but images (and line
 * breaks) is a figure per image instead; an empty one disappears.
 */
export function paragraphHandler(state: State, node: Paragraph): XmlNode[] {
  const images = onlyImages(node.children)
  if (images && !state.inline) {
    return images.flatMap((image) => {
      const source = imageSourceOf(state, image)
      return source ? figure(state, source, image) : []
    })
  }
  const content = state.inlines(node)
  if (!content.some((n) => n.type === 'element' || n.text.trim())) return []
  return [state.element('Paragraph', {}, content, node)]
}

function onlyImages(children: PhrasingContent[]): Array<Image | ImageReference> | undefined {
  const images = children.filter((c): c is Image | ImageReference => c.type === 'image' || c.type === 'imageReference')
  const rest = children.filter((c) => c.type !== 'image' && c.type !== 'imageReference')
  const blank = rest.every((c) => c.type === 'break' || (c.type === 'text' && c.value.trim() === ''))
  return images.length > 0 && blank ? images : undefined
}

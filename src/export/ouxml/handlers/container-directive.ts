import type {ContainerDirective} from 'mdast-util-directive'
import type {Paragraph} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {fit} from '../content-model.js'

/**
 * A container directive as the directives transform shaped it: an
 * admonition (`:::note`, `:::tip[Title]`…) → `Box` with its title as
 * `Heading`; an unknown directive (already reported) → its content.
 */
export function containerDirectiveHandler(state: State, node: ContainerDirective): XmlNode[] {
  if (node.data?.hName !== 'aside') return state.blocks(node)
  const [first, ...rest] = node.children
  const title = isTitle(first) ? first : undefined
  const body = title ? rest : node.children
  const heading = title ? [state.element('Heading', {}, state.titleContent(title), title)] : []
  const content = fit(state, 'Box', state.flow(body, node))
  // A box must hold something besides its heading.
  if (content.length === 0) content.push(state.element('Paragraph', {}))
  return [state.element('Box', {}, [...heading, ...content], node)]
}

function isTitle(node: ContainerDirective['children'][number] | undefined): node is Paragraph {
  const className = (node?.data as {hProperties?: {className?: unknown}} | undefined)?.hProperties?.className
  return node?.type === 'paragraph' && Array.isArray(className) && className.includes('admonition-title')
}

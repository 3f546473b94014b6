import type {Blockquote, BlockContent, DefinitionContent, Paragraph} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {classes, origin, parseInline, type DirectiveHandler} from './context.js'

// Sphinx's attribution line at the end of a quote: `-- Name`.
const ATTRIBUTION = /^\s*(?:--|—|―)\s*/

/**
 * `{epigraph}`, `{pull-quote}`, `{highlights}`: a block quote with the
 * directive's name as its class. A last paragraph starting `-- ` is the
 * attribution (class `attribution`).
 */
export const quoteDirective: DirectiveHandler = (directive) => {
  const children = directive.children as Blockquote['children']
  const last = children.at(-1)
  if (last?.type === 'paragraph' && children.length > 1) {
    const first = last.children[0]
    if (first?.type === 'text' && ATTRIBUTION.test(first.value)) {
      first.value = first.value.replace(ATTRIBUTION, '')
      last.data = {...last.data, hProperties: {className: ['attribution']}}
    }
  }
  const quote: Blockquote = {type: 'blockquote', children, ...origin(directive)}
  quote.data = {...quote.data, hProperties: {className: [directive.name, ...classes(directive)]}}
  return [quote]
}

/**
 * `{margin}` and `{sidebar} Title`: content beside the text, as an aside
 * (a Box in OU-XML) with its title first, when given.
 */
export const asideDirective: DirectiveHandler = (directive, context) => {
  const children: Array<BlockContent | DefinitionContent> = []
  if (directive.args) {
    const title: Paragraph = {type: 'paragraph', children: parseInline(directive.args, directive, context), position: directive.position}
    title.data = {hProperties: {className: ['admonition-title']}}
    children.push(title)
  }
  children.push(...(directive.children as Array<BlockContent | DefinitionContent>))
  const node: ContainerDirective = {type: 'containerDirective', name: directive.name, attributes: {}, children, ...origin(directive)}
  node.data = {...node.data, hName: 'aside', hProperties: {className: [directive.name, ...classes(directive)]}}
  return [node]
}

/** `{div} classes`: the content in a `div` with the classes of its argument and `:class:`. */
export const divDirective: DirectiveHandler = (directive) => {
  const names = [...directive.args.split(/\s+/).filter(Boolean), ...classes(directive)]
  const node: ContainerDirective = {type: 'containerDirective', name: 'div', attributes: {}, children: directive.children as ContainerDirective['children'], ...origin(directive)}
  node.data = {...node.data, hName: 'div', hProperties: names.length > 0 ? {className: names} : {}}
  return [node]
}

import type {BlockContent, DefinitionContent, Paragraph, RootContent} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {MystDirective} from '../../pipeline/types.js'
import {ADMONITIONS, shapeContainer} from '../directives.js'
import {classes, origin, parseInline, type DirectiveHandler, type MystContext} from './context.js'

/**
 * `{note}`, `{tip}` … `{seealso}`: an admonition of that kind. As in Jupyter
 * Book (Sphinx), these take no title: text after the name is the first line
 * of the body.
 */
export const kindAdmonition: DirectiveHandler = (directive, context) => {
  const lead: Paragraph[] = directive.args ? [{type: 'paragraph', children: parseInline(directive.args, directive, context), ...origin(directive)}] : []
  return [admonition(directive.name, undefined, [...lead, ...directive.children], classes(directive), directive, context)]
}

/**
 * `{admonition} Title`: an admonition with its own title; a `:class:` that
 * names a kind (`tip`) gives it that kind's look.
 */
export const titledAdmonition: DirectiveHandler = (directive, context) => {
  const [first, ...rest] = classes(directive)
  const kind = first && Object.hasOwn(ADMONITIONS, first) ? first : 'admonition'
  const extra = kind === 'admonition' ? classes(directive) : rest
  return [admonition(kind, directive.args || undefined, directive.children, extra, directive, context)]
}

/**
 * `{dropdown} Title`: an admonition whose body is shown on demand (a
 * `<details>` on the website, which needs no script; a Box in OU-XML).
 * `:open:` shows it open.
 */
export const dropdown: DirectiveHandler = (directive, context) => {
  const node = admonition('admonition', directive.args || 'Details', directive.children, ['dropdown', ...classes(directive)], directive, context)
  if ('open' in directive.options) node.data!.hProperties = {...node.data!.hProperties, open: true}
  return [node]
}

/** A container directive shaped by the directives transform as an admonition of `kind`. */
function admonition(kind: string, title: string | undefined, body: RootContent[], extra: string[], directive: MystDirective, context: MystContext): ContainerDirective {
  const children: Array<BlockContent | DefinitionContent> = []
  if (title !== undefined) children.push({type: 'paragraph', children: parseInline(title, directive, context), data: {directiveLabel: true}, position: directive.position})
  children.push(...(body as Array<BlockContent | DefinitionContent>))
  const node: ContainerDirective = {type: 'containerDirective', name: kind, attributes: extra.length > 0 ? {class: extra.join(' ')} : {}, children, ...origin(directive)}
  shapeContainer(node, context.file)
  return node
}

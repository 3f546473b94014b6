import type {Code, Parents, Root, RootContent, Text} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {SKIP, visit} from '../../pipeline/visit.js'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import type {MystDirective, MystRole} from '../../pipeline/types.js'
import {origin} from './context.js'
import {RENDERED_ROLES} from './roles.js'

/**
 * The last step for MyST syntax, after every transform that knows
 * directives and roles: a `mystDirective` still in the tree is shown as its
 * content (a `div` with classes `directive directive-<name>`), or as a code
 * block of its raw body when it has no Markdown content, with a
 * `directive-unknown` warning naming it; a `mystRole` becomes its text, with
 * a `role-unknown` warning naming it (except `sub` and `sup`, which the
 * renderers draw).
 */
export function mystLeftoversTransform(tree: Root, file: VFile): void {
  visit(tree, (node, index, parent: Parents | undefined) => {
    if (!parent || index === undefined) return
    if (node.type === 'mystDirective') {
      parent.children.splice(index, 1, ...(leftoverDirective(node, file) as never[]))
      // Directives inside it are reached in turn.
      return index
    }
    if (node.type === 'mystRole' && !RENDERED_ROLES.has(node.name)) {
      parent.children[index] = leftoverRole(node, file) as never
      return SKIP
    }
  })
}

function leftoverDirective(directive: MystDirective, file: VFile): RootContent[] {
  const args = directive.args ? ` ${directive.args}` : ''
  if (directive.children.length > 0) {
    emit(file, 'directive-unknown', `Unknown directive {${directive.name}}${args}; its content is shown as ordinary text`, {node: directive, stage: 'myst'})
    const node: ContainerDirective = {type: 'containerDirective', name: directive.name, attributes: {}, children: directive.children as ContainerDirective['children'], ...origin(directive)}
    node.data = {...node.data, hName: 'div', hProperties: {className: ['directive', `directive-${directive.name.replace(/[^\w-]+/g, '-')}`]}}
    return [node]
  }
  if (directive.value.trim()) {
    emit(file, 'directive-unknown', `Unknown directive {${directive.name}}${args}; its content is shown as code`, {node: directive, stage: 'myst'})
    const code: Code = {type: 'code', lang: null, meta: null, value: directive.value, ...origin(directive)}
    return [code]
  }
  emit(file, 'directive-unknown', `Unknown directive {${directive.name}}${args}; it has no content and is left out`, {node: directive, stage: 'myst'})
  return []
}

function leftoverRole(role: MystRole, file: VFile): Text {
  emit(file, 'role-unknown', `Unknown role {${role.name}}; its text is shown as written`, {node: role, stage: 'myst'})
  const text: Text = {type: 'text', value: role.value}
  if (role.position) text.position = role.position
  if (role.data?.cell !== undefined) text.data = {cell: role.data.cell} as Text['data']
  return text
}

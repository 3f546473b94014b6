import type {Parent, RootContent, Text} from 'mdast'
import type {Point} from 'unist'
import type {MystRole} from '../../pipeline/types.js'

// `{name}` at the end of a text, right before the role's inline code.
const ROLE_NAME = /\{([A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*)\}$/
// `{domain` before a `:name` the directive syntax took as a text directive (`{py:func}`).
const DOMAIN = /\{([A-Za-z][\w.+-]*)$/

/**
 * Turn every `` {name}`value` `` among `parent`'s children into a
 * `mystRole`: a text ending in `{name}` immediately followed by inline
 * code. The name is lower-cased. A `{domain:name}` role, which the
 * directive syntax splits into text, a text directive and text, is joined
 * again. Returns whether any role was found.
 */
export function takeRoles(parent: Parent): boolean {
  const children = parent.children as RootContent[]
  let found = false
  for (let i = 1; i < children.length; i++) {
    const code = children[i]!
    if (code.type !== 'inlineCode') continue
    const role = roleBefore(children, i)
    if (!role) continue
    const node: MystRole = {type: 'mystRole', name: role.name.toLowerCase(), value: code.value}
    const start = role.start
    if (start && code.position) node.position = {start, end: code.position.end}
    if (code.data) node.data = {...code.data}
    // Replace the consumed nodes (the ones emptied of text go too) with the role.
    children.splice(role.from, i - role.from + 1, ...role.keep, node as RootContent)
    i = role.from + role.keep.length
    found = true
  }
  return found
}

interface RoleMatch {
  name: string
  /** Index of the first child consumed. */
  from: number
  /** What remains of the consumed text before the role. */
  keep: Text[]
  start?: Point
}

function roleBefore(children: RootContent[], index: number): RoleMatch | undefined {
  const before = children[index - 1]
  if (before?.type !== 'text') return undefined
  const simple = ROLE_NAME.exec(before.value)
  if (simple) return cut(before, index - 1, simple.index, simple[1]!)
  // `{py:func}`: text "…{py", a bare text directive "func", text "}".
  const directive = children[index - 2]
  const domainText = children[index - 3]
  if (before.value !== '}' || directive?.type !== 'textDirective' || domainText?.type !== 'text') return undefined
  if (directive.children.length > 0 || Object.keys(directive.attributes ?? {}).length > 0) return undefined
  const domain = DOMAIN.exec(domainText.value)
  if (!domain) return undefined
  return cut(domainText, index - 3, domain.index, `${domain[1]}:${directive.name}`)
}

function cut(text: Text, at: number, from: number, name: string): RoleMatch {
  const rest = text.value.slice(0, from)
  const keep: Text[] = []
  let start: Point | undefined
  const end = text.position?.end
  if (end) {
    // The role starts where the `{` is: the text's end less what was cut from it (one line, no escapes).
    const cutLength = text.value.length - from
    start = {line: end.line, column: Math.max(1, end.column - cutLength)}
  }
  if (rest) {
    const remaining: Text = {...text, value: rest}
    if (text.position && start) remaining.position = {start: text.position.start, end: start}
    keep.push(remaining)
  }
  return {name, from: at, keep, start}
}

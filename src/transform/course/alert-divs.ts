import type {Html, Parent, Root, RootContent} from 'mdast'
import type {CellData} from '../../pipeline/types.js'
import {hasChildren} from './tree.js'

const OPEN = /^\s*<div\s+class\s*=\s*(["'])([^"']*)\1\s*>/i
const CLOSE_AT_END = /<\/div>\s*$/i

type AlertKind = 'success' | 'warning' | 'danger'

/**
 * Bootstrap alert blocks in Markdown, as classic Jupyter notebooks styled
 * them: `<div class="alert alert-success">` … `</div>` → an answer revealed
 * on demand, `alert-warning` → an activity, `alert-danger` → a warning box.
 * The block is either one HTML node (its inside stays raw HTML, as Markdown
 * inside an HTML block is not Markdown) or an opening tag, Markdown, and a
 * closing tag, each on lines of their own with blank lines around the
 * Markdown. Other alerts (`alert-info`) and unclosed ones are left as they are.
 */
export function alertDivsTransform(tree: Root): void {
  wrapAlerts(tree)
}

function wrapAlerts(parent: Parent): void {
  const children = parent.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!
    if (node.type !== 'html') continue
    const open = OPEN.exec(node.value)
    const kind = open ? alertKind(open[2]!) : undefined
    if (!open || !kind) continue
    const rest = node.value.slice(open[0].length)
    let depth = 1 + balance(rest)
    if (depth <= 0) {
      if (!CLOSE_AT_END.test(rest)) continue
      children[i] = construct(kind, raw(rest.replace(CLOSE_AT_END, ''), node), node)
      continue
    }
    let j = i + 1
    for (; j < children.length && depth > 0; j++) {
      const sibling = children[j]!
      if (sibling.type === 'html') depth += balance(sibling.value)
      if (depth <= 0) break
    }
    const closing = children[j]
    if (depth > 0 || closing?.type !== 'html' || !CLOSE_AT_END.test(closing.value)) continue
    const inside = [...raw(rest, node), ...children.slice(i + 1, j), ...raw(closing.value.replace(CLOSE_AT_END, ''), closing)]
    children.splice(i, j - i + 1, construct(kind, inside, node))
  }
  for (const child of children) if (hasChildren(child)) wrapAlerts(child)
}

function alertKind(classes: string): AlertKind | undefined {
  const names = classes.split(/\s+/)
  return (['success', 'warning', 'danger'] as const).find((kind) => names.includes(`alert-${kind}`))
}

/** Opening minus closing `div` tags in a piece of HTML. */
function balance(html: string): number {
  return (html.match(/<div\b/gi)?.length ?? 0) - (html.match(/<\/div\s*>/gi)?.length ?? 0)
}

function raw(value: string, from: Html): Html[] {
  return value.trim() ? [{type: 'html', value: value.trim(), position: from.position, data: from.data}] : []
}

function construct(kind: AlertKind, children: RootContent[], from: Html): RootContent {
  const cell = (from.data as CellData | undefined)?.cell
  const data = cell === undefined ? undefined : {cell}
  const position = from.position
  if (kind === 'success') return {type: 'courseReveal', kind: 'answer', children, position, data}
  if (kind === 'warning') return {type: 'courseActivity', kind: 'activity', children, position, data}
  return {type: 'courseBox', kind: 'warning', children, position, data}
}

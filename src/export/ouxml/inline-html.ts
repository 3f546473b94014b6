import type {XmlElement, XmlNode} from './types.js'

/**
 * Inline HTML in Markdown arrives as separate `html` nodes for the opening
 * and closing tags (`H<sub>2</sub>O`). The `html` handler turns the tags it
 * knows into markers; this pass pairs them and wraps what lies between in
 * the OU element. An unpaired tag is dropped and its content kept.
 */
export const INLINE_TAGS: Readonly<Record<string, string>> = {
  sub: 'sub',
  sup: 'sup',
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  cite: 'i',
  var: 'i',
  u: 'u',
  ins: 'u',
  code: 'ComputerCode',
  kbd: 'ComputerCode',
  samp: 'ComputerCode',
  tt: 'ComputerCode',
}

const OPEN = '#open'
const CLOSE = '#close'

/** A marker for an opening or closing inline tag, to be paired by `foldInlineHtml`. */
export function tagMarker(tag: string, closing: boolean): XmlElement {
  return {type: 'element', name: closing ? CLOSE : OPEN, attributes: {tag}}
}

/** Pair the tag markers in phrasing content and wrap their content; nodes without markers come back as they are. */
export function foldInlineHtml(nodes: XmlNode[]): XmlNode[] {
  if (!nodes.some(isMarker)) return nodes
  const stack: Array<{tag?: string; children: XmlNode[]}> = [{children: []}]
  const unwind = (to: number) => {
    // Tags opened inside and never closed: keep their content, drop the tag.
    while (stack.length - 1 > to) {
      const open = stack.pop()!
      stack.at(-1)!.children.push(...open.children)
    }
  }
  for (const node of nodes) {
    if (node.type === 'element' && node.name === OPEN) {
      stack.push({tag: node.attributes!.tag, children: []})
    } else if (node.type === 'element' && node.name === CLOSE) {
      const at = stack.findLastIndex((entry, i) => i > 0 && entry.tag === node.attributes!.tag)
      if (at === -1) continue
      unwind(at)
      const open = stack.pop()!
      const name = INLINE_TAGS[open.tag!]!
      const element: XmlElement = {type: 'element', name}
      if (open.children.length > 0) element.elements = open.children
      stack.at(-1)!.children.push(element)
    } else {
      stack.at(-1)!.children.push(node)
    }
  }
  unwind(0)
  return stack[0]!.children
}

function isMarker(node: XmlNode): boolean {
  return node.type === 'element' && (node.name === OPEN || node.name === CLOSE)
}

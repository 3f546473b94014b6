import type {Element, ElementContent, Properties} from 'hast'
import type {Parents, RootContent} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import type {CourseFigure} from '../../../pipeline/types.js'

/**
 * `courseFigure` → `<figure id="label" class="course-figure course-figure-<kind>">`.
 * A figure shows its first child (the image) and then a `<figcaption>`
 * holding the enumerator (`<span class="enumerator">Figure 2.3</span>`), the
 * caption and the legend (the other children, in `<div class="legend">`);
 * a table or a code listing has its `<figcaption>` first, then its content.
 * `width` and `align` become a style and an `align-<side>` class.
 */
export function courseFigureHandler(state: State, node: CourseFigure): Element {
  const children = Array.isArray(node.children) ? node.children : []
  const content: ElementContent[] = []
  if (node.kind === 'figure') {
    const [first, ...legend] = children
    if (first) content.push(...render(state, [first]))
    const caption = figcaption(state, node, legend.length > 0 ? [legendElement(state, legend)] : [])
    if (caption) content.push(caption)
  } else {
    const caption = figcaption(state, node, [])
    if (caption) content.push(caption)
    content.push(...render(state, children))
  }
  const extra = (node.data as {hProperties?: {className?: unknown}} | undefined)?.hProperties?.className
  const properties: Properties = {
    className: ['course-figure', `course-figure-${node.kind}`, ...(node.align ? [`align-${node.align}`] : []), ...(Array.isArray(extra) ? extra.map(String) : [])],
  }
  if (typeof node.label === 'string' && node.label) properties.id = node.label
  if (typeof node.width === 'string' && node.width) properties.style = `width: ${node.width}`
  const figure: Element = {type: 'element', tagName: 'figure', properties, children: state.wrap(content, true)}
  state.patch(node, figure)
  return figure
}

/** The `<figcaption>`: enumerator, caption, then `after`; undefined when all are empty. */
function figcaption(state: State, node: CourseFigure, after: ElementContent[]): Element | undefined {
  const caption = Array.isArray(node.caption) ? node.caption : []
  const parts: ElementContent[] = []
  const enumerator = typeof node.enumerator === 'string' ? node.enumerator : ''
  if (enumerator) parts.push({type: 'element', tagName: 'span', properties: {className: ['enumerator']}, children: [{type: 'text', value: enumerator}]})
  if (caption.length > 0) {
    if (enumerator) parts.push({type: 'text', value: ' '})
    parts.push({type: 'element', tagName: 'span', properties: {className: ['caption-text']}, children: render(state, caption as RootContent[])})
  }
  parts.push(...after)
  if (parts.length === 0) return undefined
  return {type: 'element', tagName: 'figcaption', properties: {}, children: parts}
}

function legendElement(state: State, legend: RootContent[]): Element {
  return {type: 'element', tagName: 'div', properties: {className: ['legend']}, children: state.wrap(render(state, legend), true)}
}

/** Nodes rendered as the children of a parent holding just them. */
function render(state: State, nodes: RootContent[]): ElementContent[] {
  return state.all({type: 'root', children: nodes} as Parents)
}

import type {Element, ElementContent} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {TikzFigure} from '../../../pipeline/types.js'
import {asString} from './shared.js'

/**
 * `tikzFigure` → `<figure class="tikz">` holding the SVG inline, as an image
 * named by its alt text (or else its caption), and a `<figcaption>` when
 * there is a caption. A diagram that failed becomes
 * `<figure class="tikz tikz-error">` with the reason and its TikZ source.
 */
export function tikzFigureHandler(state: State, node: TikzFigure): Element {
  const caption = asString(node.caption).trim()
  const alt = asString(node.alt).trim()
  const svg = asString(node.svg)
  const content: ElementContent[] = []
  let figure: Element
  if (svg && !node.error) {
    content.push({type: 'raw', value: labelled(svg, alt || caption || 'Diagram')})
    if (caption) content.push(h('figcaption', caption))
    figure = h('figure', {className: ['tikz']}, content)
  } else {
    content.push(h('p', {className: ['tikz-error-message']}, asString(node.error, 'This diagram could not be drawn.')))
    content.push(h('pre', {className: ['tikz-source']}, [h('code', {className: ['language-latex']}, asString(node.source))]))
    if (caption) content.push(h('figcaption', caption))
    figure = h('figure', {className: ['tikz', 'tikz-error']}, content)
  }
  state.patch(node, figure)
  return figure
}

/** The SVG with `role="img"` and its accessible name on the root element. */
function labelled(svg: string, name: string): string {
  const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escaped}"`)
}

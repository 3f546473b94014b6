import type {Parents, PhrasingContent, RootContent} from 'mdast'
import type {CourseFigure} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {fit} from '../content-model.js'
import {childId} from '../ids.js'
import {imageSrc} from './image.js'
import {text} from './shared.js'

// Elements that take an `id`, for a figure whose content is not an image.
const WITH_ID = new Set(['Figure', 'Table', 'ProgramListing', 'ComputerDisplay', 'Box', 'Equation', 'MediaContent'])

/**
 * `courseFigure` → the OU element for its kind, with the label as its id
 * (`<session id>_<label>`, as a `CrossRef` to it names it) and the
 * enumerator and caption as its caption:
 * - a figure: `Figure` with `Image` (alt text as its `alt`), `Caption`, and
 *   the legend as `Description`; a figure of something else (a diagram, a
 *   listing) gets the id and caption on what that converts to;
 * - a table: its `Table`, the caption as `TableHead`;
 * - a code listing: `ProgramListing` (which the schema gives no caption),
 *   after a bold paragraph holding the caption.
 */
export function courseFigureHandler(state: State, node: CourseFigure): XmlNode[] {
  const id = typeof node.label === 'string' && node.label ? state.ids.unique(childId(state.sessionId, node.label)) : undefined
  const caption = captionContent(state, node)
  const children = Array.isArray(node.children) ? (node.children as RootContent[]) : []
  if (node.kind === 'figure') return figure(state, node, children, caption, id)
  const blocks = state.flow(children, node as unknown as Parents)
  if (node.kind === 'table') {
    const table = blocks.find((block) => block.name === 'Table')
    const head = table?.elements?.find((child): child is XmlElement => child.type === 'element' && child.name === 'TableHead')
    if (table && head) {
      head.elements = caption
      if (id) table.attributes = {...table.attributes, id}
      return blocks
    }
  }
  return [...captionParagraph(state, node, caption), ...withId(blocks, id)]
}

function figure(state: State, node: CourseFigure, children: RootContent[], caption: XmlNode[], id: string | undefined): XmlElement[] {
  const [first, ...legend] = children
  const description = legend.length > 0 ? fit(state, 'Description', state.flow(legend, node as unknown as Parents)) : []
  if (first?.type === 'image') {
    const src = imageSrc(state, first.url)
    if (!src) return [...captionParagraph(state, node, caption), ...description]
    const alt = state.text(first.alt ?? '', first).trim()
    const parts: XmlElement[] = [state.element('Image', {src, alt: alt || undefined})]
    if (caption.length > 0) parts.push(state.element('Caption', {}, caption))
    if (description.length > 0) parts.push(state.element('Description', {}, description))
    return [state.element('Figure', {id}, parts, node)]
  }
  const blocks = first ? state.flow([first], node as unknown as Parents) : []
  const inner = blocks[0]
  if (blocks.length === 1 && inner?.name === 'Figure') {
    // Caption and Description have their places in a Figure: after the Image, in that order.
    const kept = (inner.elements ?? []).filter((child) => child.type !== 'element' || (child.name !== 'Caption' && child.name !== 'Description'))
    const image = kept.filter((child) => child.type === 'element' && child.name === 'Image')
    const rest = kept.filter((child) => !(child.type === 'element' && child.name === 'Image'))
    inner.elements = [...image, ...(caption.length > 0 ? [state.element('Caption', {}, caption)] : []), ...rest, ...(description.length > 0 ? [state.element('Description', {}, description)] : [])]
    if (id) inner.attributes = {...inner.attributes, id}
    return [inner]
  }
  return [...withId(blocks, id), ...captionParagraph(state, node, caption), ...description]
}

/** The enumerator (`Figure 2.3`, possibly as link-stage tokens) and the caption, as Caption content. */
function captionContent(state: State, node: CourseFigure): XmlNode[] {
  const enumerator = typeof node.enumerator === 'string' ? state.text(node.enumerator, node) : ''
  const caption = Array.isArray(node.caption) ? (node.caption as PhrasingContent[]) : []
  const content = caption.length > 0 ? state.titleContent({type: 'paragraph', children: caption}) : []
  if (!enumerator) return content
  return [...text(enumerator), ...(content.length > 0 ? text(' ') : []), ...content]
}

/** The caption as a bold paragraph, for content whose element has no caption of its own. */
function captionParagraph(state: State, node: CourseFigure, caption: XmlNode[]): XmlElement[] {
  return caption.length > 0 ? [state.element('Paragraph', {}, [state.element('b', {}, caption)], node)] : []
}

/** `blocks` with `id` on the first one, when that element takes an id. */
function withId(blocks: XmlElement[], id: string | undefined): XmlElement[] {
  const first = blocks[0]
  if (id && first && WITH_ID.has(first.name)) first.attributes = {...first.attributes, id}
  return blocks
}

import type {Html} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {INLINE_TAGS, tagMarker} from '../inline-html.js'
import {decodeEntities, stripTags} from '../html-text.js'
import {figure, imageHandler} from './image.js'
import {text} from './shared.js'

const COMMENTS = /<!--[\s\S]*?-->/g
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>$/
const IMG = /<img\b[^>]*>/gi

/**
 * Raw HTML written in Markdown. Comments vanish. In running text, `<sub>`,
 * `<sup>`, `<b>`/`<strong>`, `<i>`/`<em>`, `<u>`, `<code>`/`<kbd>` become
 * their OU elements, `<br>` a `br` and `<img>` an inline figure; any other
 * tag is dropped (its text stays) with a diagnostic. As a block, `<img>`
 * tags become figures; anything else is a diagnostic and its text is kept
 * as a paragraph.
 */
export function htmlHandler(state: State, node: Html): XmlNode[] {
  const value = node.value.replace(COMMENTS, '').trim()
  if (!value) return []
  return state.inline ? inline(state, node, value) : block(state, node, value)
}

function inline(state: State, node: Html, value: string): XmlNode[] {
  const tag = TAG.exec(value)
  const name = tag?.[2]!.toLowerCase()
  if (name === 'br') return [{type: 'element', name: 'br'}]
  if (name === 'img') return images(state, node, value, true)
  if (tag && name && Object.hasOwn(INLINE_TAGS, name) && !tag[3]) return [tagMarker(name, tag[1] === '/')]
  const what = tag ? `<${tag[1]}${name}>` : 'Inline HTML'
  state.warn('ouxml-unmapped', `${what} has no OU-XML mapping; the tag was left out`, node)
  return tag ? [] : text(state.text(decodeEntities(stripTags(value)), node))
}

function block(state: State, node: Html, value: string): XmlNode[] {
  if (value.replace(IMG, '').replace(/<br\s*\/?>/gi, '').trim() === '') return images(state, node, value, false)
  const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(value)
  const content = state.text(decodeEntities(stripTags(value)).replace(/\s+/g, ' ').trim(), node)
  // A closing tag on its own line: its opening tag was already reported.
  if (tag?.[1] && !content) return []
  const what = `Raw HTML${tag ? ` <${tag[2]!.toLowerCase()}>` : ''}`
  state.warn('ouxml-unmapped', `${what} has no OU-XML mapping; ${content ? 'its text is kept as a paragraph' : 'it was left out'}`, node)
  return content ? [state.element('Paragraph', {}, text(content), node)] : []
}

function images(state: State, node: Html, value: string, inline: boolean): XmlNode[] {
  return [...value.matchAll(IMG)].flatMap((match) => {
    const url = attribute(match[0], 'src') ?? ''
    const alt = attribute(match[0], 'alt') ?? ''
    const title = attribute(match[0], 'title')
    if (!inline) return figure(state, {url, alt, title}, node)
    return imageHandler(state, {type: 'image', url, alt, title, position: node.position, data: node.data})
  })
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const raw = match ? (match[1] ?? match[2] ?? match[3]) : undefined
  return raw === undefined ? undefined : decodeEntities(raw)
}

import type {Element, ElementContent} from 'hast'
import type {Link, Nodes, Paragraph} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {CourseMedia} from '../../../transform/course/nodes.js'
import {asString} from './shared.js'

const CARD_KINDS = {youtube: 'YouTube video', html5: 'Interactive content', mol3d: '3D molecule'} as const

/**
 * `courseMedia` → `<figure class="media media-<kind>">`. Audio and video
 * play in the page (`<audio controls>`, `<video controls>`) from the copied
 * file, with a download link (and the transcript) below as the fallback.
 * Nothing is embedded from outside the site: a YouTube video, an HTML5
 * package and a 3Dmol.js molecule are link cards (to the video, the
 * packaged file, the viewer). The caption is the `<figcaption>`, the
 * description follows.
 */
export function courseMediaHandler(state: State, node: CourseMedia): Element {
  const kids = Array.isArray(node.children) ? node.children : []
  const role = (child: (typeof kids)[number]) => child.data?.mediaRole
  const file = kids.find((child): child is Link => child.type === 'link' && role(child) === 'file')
  const transcript = kids.find((child): child is Link => child.type === 'link' && role(child) === 'transcript')
  const caption = kids.find((child): child is Paragraph => child.type === 'paragraph' && role(child) === 'caption')
  const description = kids.filter((child) => role(child) === undefined && child.type !== 'text') as Nodes[]
  const captionContent = caption ? state.all(caption) : []
  const content: ElementContent[] = []
  const kind = node.kind
  if (kind === 'audio' || kind === 'video') {
    if (file) content.push(player(kind, file.url, node))
  } else {
    const name = kind === 'html5' ? asString(node.source).split('/').pop() || asString(node.source) : asString(node.source)
    const text = captionContent.length > 0 && kind === 'youtube' ? captionContent : [{type: 'text' as const, value: name}]
    content.push(card(kind, file, text))
  }
  if (captionContent.length > 0 && kind !== 'youtube') content.push(h('figcaption', captionContent))
  for (const child of description) {
    const out = state.one(child, node)
    if (out) content.push(...(Array.isArray(out) ? out : [out]))
  }
  const links = [...(kind === 'audio' || kind === 'video' ? [file] : []), transcript].filter((link): link is Link => link !== undefined)
  if (links.length > 0) content.push(h('p', {className: ['media-links']}, links.flatMap((link, i) => [...(i > 0 ? [{type: 'text' as const, value: ' · '}] : []), linkTo(state, link, link === file)])))
  const figure = h('figure', {className: ['media', `media-${kind}`], id: asString(node.label).trim() || undefined}, state.wrap(content, true))
  state.patch(node, figure)
  return figure
}

function player(kind: 'audio' | 'video', url: string, node: CourseMedia): Element {
  const fallback = `Your browser cannot play this ${kind}; use the download link below.`
  if (kind === 'audio') return h('audio', {controls: true, preload: 'none', src: url}, fallback)
  return h('video', {controls: true, preload: 'none', src: url, width: size(node.width), height: size(node.height)}, fallback)
}

/** A link card: the kind of item, then its name; it opens the video, the package or the viewer. */
function card(kind: keyof typeof CARD_KINDS, file: Link | undefined, text: ElementContent[]): Element {
  const inside = [h('span', {className: ['media-card-kind']}, CARD_KINDS[kind]), ' ', h('span', {className: ['media-card-title']}, text)]
  if (!file) return h('p', {className: ['media-card', 'media-card-broken']}, inside)
  const external = /^[a-z][a-z0-9+.-]*:/i.test(file.url)
  return h('p', {className: ['media-card']}, [h('a', {href: file.url, ...(external ? {rel: 'external noopener'} : {download: kind === 'html5' ? '' : undefined})}, inside)])
}

function linkTo(state: State, link: Link, download: boolean): Element {
  return h('a', {href: link.url, download: download ? '' : undefined}, state.all(link))
}

/** A width or height as an HTML attribute: whole numbers only (`80%` is the theme's business). */
function size(value: string | undefined): string | undefined {
  return value && /^\d+$/.test(value.trim()) ? value.trim() : undefined
}

import type {Image, ImageReference, Nodes} from 'mdast'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {isExternal, packaged, sitePathOf, text} from './shared.js'

/** What an image is: where it is, its alternative text and its title. */
export interface ImageSource {
  url: string
  alt: string
  title?: string
}

/**
 * `image` in running text → `InlineFigure` holding the `Image` (an image
 * standing alone in its paragraph becomes a `Figure`: see `figure`).
 */
export function imageHandler(state: State, node: Image): XmlNode[] {
  return inlineFigure(state, {url: node.url, alt: node.alt ?? '', title: node.title ?? undefined}, node)
}

/** `imageReference` (`![alt][label]`) → as `image`, with the URL of its definition. */
export function imageReferenceHandler(state: State, node: ImageReference): XmlNode[] {
  const source = imageSourceOf(state, node)
  return source ? inlineFigure(state, source, node) : text(state.text(node.alt ?? '', node))
}

/** The URL, alt text and title of an `image` or a resolvable `imageReference`. */
export function imageSourceOf(state: State, node: Image | ImageReference): ImageSource | undefined {
  if (node.type === 'image') return {url: node.url, alt: node.alt ?? '', title: node.title ?? undefined}
  const definition = state.definitions.get(node.identifier)
  return definition ? {url: definition.url, alt: node.alt ?? '', title: definition.title ?? undefined} : undefined
}

/**
 * `Figure`: the `Image` (its `src` the file's path in the package, after
 * `ouxml.imagePathPrefix`; external URLs as they are), the title as
 * `Caption` and the alternative text as `Description`.
 */
export function figure(state: State, source: ImageSource, from: Nodes, description = source.alt): XmlElement[] {
  const src = imageSrc(state, source.url)
  if (!src) return []
  const parts: XmlElement[] = [state.element('Image', {src})]
  const caption = state.text(source.title ?? '', from).trim()
  if (caption) parts.push(state.element('Caption', {}, text(caption)))
  const alt = state.text(description, from).trim()
  if (alt) parts.push(state.element('Description', {}, [state.element('Paragraph', {}, text(alt))]))
  return [state.element('Figure', {}, parts, from)]
}

function inlineFigure(state: State, source: ImageSource, from: Nodes): XmlNode[] {
  const src = imageSrc(state, source.url)
  const alt = state.text(source.alt, from)
  if (!src) return text(alt)
  return [state.element('InlineFigure', {}, [state.element('Image', {src, alt: alt || undefined})], from)]
}

/** The `src` of an image: its package path after the prefix, or an external URL as it is; undefined when there is no file. */
export function imageSrc(state: State, url: string): string | undefined {
  if (isExternal(url)) return url
  const site = sitePathOf(state, url)
  return site ? packaged(state, site, state.options.imagePathPrefix) : undefined
}

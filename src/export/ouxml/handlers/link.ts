import type {Link, LinkReference, Nodes} from 'mdast'
import type {State} from '../state.js'
import type {PageLink, XmlNode} from '../types.js'
import {isExternal, packaged, sitePathOf, text} from './shared.js'

/**
 * `link` → by target: another page of the course (or `#place` on this page)
 * → a `CrossRef` placeholder (`_cbref`, an index into the page's `links`),
 * which the assembly resolves to `CrossRef`
 * (same document), `olink` (another unit's document) or text; an external
 * URL → `a href`; a file of the course → `a href` to its copy in the package.
 * Inside a title only the text is kept (the OU rules allow no links there).
 */
export function linkHandler(state: State, node: Link): XmlNode[] {
  return linkTo(state, node, node.url, pageLinkOf(node), state.inlines(node))
}

/** `linkReference` (`[text][label]`) → as `link`, with the URL of its definition. */
export function linkReferenceHandler(state: State, node: LinkReference): XmlNode[] {
  const definition = state.definitions.get(node.identifier)
  const content = state.inlines(node)
  if (!definition) return content
  return linkTo(state, node, definition.url, pageLinkOf(definition), content)
}

/** The page a link points to, as the links transform recorded it. */
export function pageLinkOf(node: Nodes): PageLink | undefined {
  return (node.data as {pageLink?: PageLink} | undefined)?.pageLink
}

function linkTo(state: State, node: Nodes, url: string, page: PageLink | undefined, content: XmlNode[]): XmlNode[] {
  const body = content.length > 0 ? content : text(state.text(url, node))
  if (page || url.startsWith('#')) {
    if (state.inTitle) return body
    const link = page ?? {hash: url.slice(1) || undefined}
    state.links.push({...link, pos: state.pos(node)})
    return [state.element('CrossRef', {_cbref: String(state.links.length - 1)}, body)]
  }
  if (isExternal(url)) return [state.element('a', {href: safeUri(state.text(url, node))}, body)]
  const site = sitePathOf(state, url)
  // A relative URL to nothing the site publishes: the text stays, the link cannot.
  if (!site) return body
  return [state.element('a', {href: packaged(state, site, state.options.mediaPathPrefix)}, body)]
}

/** A URL the schema's `anyURI` accepts: spaces and other characters URLs may not hold are percent-encoded. */
function safeUri(url: string): string {
  return url.replace(/[\s"<>\\^`{|}]/g, (c) => encodeURIComponent(c))
}

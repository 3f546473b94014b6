import type {OuxmlLink, OuxmlPage} from '../export/ouxml/types.js'
import {escapeHtml} from '../render/layout/html.js'
import {hasTokens, replaceTokens, type TokenKind} from './tokens.js'
import {relativeUrl} from './urls.js'
import {resolveReference, targetNumber, type CrossReferences} from './cross-references.js'

/**
 * Token replacement, run on every build on copies of the rendered pages (a
 * cached page is never changed): each page's HTML body and OU-XML get the
 * numbers, hrefs and texts the link step worked out. A reference to
 * something the course lacks (already reported) shows its target as text:
 * in HTML its link is unwrapped to a `<span class="xref xref-unknown">`, in
 * OU-XML it keeps its text.
 */

/** The page a body is written as: its source path (for labels on the same page) and its site path (for relative hrefs). */
export interface WrittenPage {
  relPath: string
  outPath: string
}

const UNKNOWN_TEXT = '??'
// A link the numbering transform made: its href is a token (attributes in the order mdast-util-to-hast writes them).
const TOKEN_ANCHOR = /<a href="\uE000href\uE001([^\uE000-\uE002"]*)\uE002"([^>]*)>([\s\S]*?)<\/a>/g

/** An HTML body (or fragment) with its tokens replaced, as written at `page`. */
export function resolveHtml(refs: CrossReferences, body: string, page: WrittenPage): string {
  if (!hasTokens(body)) return body
  const unwrapped = body.replace(TOKEN_ANCHOR, (whole, payload: string, _attributes, content: string) => {
    const [kind, target] = split(decodeURIComponent(payload))
    return resolveReference(refs, kind, target, page.relPath) ? whole : `<span class="xref xref-unknown">${content}</span>`
  })
  return replaceTokens(unwrapped, (kind, payload) => escapeHtml(resolveToken(refs, kind, payload, page)))
}

/**
 * A page's OU-XML with its tokens replaced in the text, and its
 * cross-references made ordinary links to the target's page and element
 * (`source`, `hash` = the target's id). A cross-reference to nothing is
 * listed in `unresolved`, to be kept as text.
 */
export function resolveOuxml(refs: CrossReferences, ouxml: OuxmlPage, page: WrittenPage): {page: OuxmlPage; unresolved: Set<OuxmlLink>} {
  const unresolved = new Set<OuxmlLink>()
  const xml = replaceTokens(ouxml.xml, (kind, payload) => escapeXml(resolveToken(refs, kind, payload, page)))
  const links = ouxml.links.map((link): OuxmlLink => {
    if (!link.source || !hasTokens(link.source)) return link
    let resolved: OuxmlLink | undefined
    replaceTokens(link.source, (_kind, payload) => {
      const [kind, target] = split(payload)
      const found = resolveReference(refs, kind, target, page.relPath)
      if (found?.page) resolved = {source: found.page.relPath, hash: found.id, pos: link.pos}
      return ''
    })
    if (resolved) return resolved
    const kept: OuxmlLink = {...link}
    unresolved.add(kept)
    return kept
  })
  return {page: xml === ouxml.xml && links.every((l, i) => l === ouxml.links[i]) ? ouxml : {...ouxml, xml, links}, unresolved}
}

/** What a token stands for, as plain text (the caller escapes it); hrefs are relative to the page being written. */
function resolveToken(refs: CrossReferences, kind: TokenKind, payload: string, page: WrittenPage): string {
  if (kind === 'num') return targetNumber(refs, payload, page.relPath) ?? UNKNOWN_TEXT
  const [refKind, target] = split(payload)
  const found = resolveReference(refs, refKind, target, page.relPath)
  if (kind === 'text') return found?.text ?? target
  if (!found) return '#'
  const url = found.path === page.outPath && found.id ? '' : relativeUrl(page.outPath, found.path)
  return found.id ? `${url}#${encodeFragment(found.id)}` : url
}

/** An id as a URL fragment: only what a fragment may not hold is percent-encoded. */
function encodeFragment(id: string): string {
  return id.replace(/[^\w\-.~!$&'()*+,;=:@/?\u00A0-\uFFFF]/g, (c) => encodeURIComponent(c))
}

/** `numref:fig-flow` → `['numref', 'fig-flow']`. */
function split(payload: string): [string, string] {
  const colon = payload.indexOf(':')
  return colon === -1 ? ['ref', payload] : [payload.slice(0, colon), payload.slice(colon + 1)]
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

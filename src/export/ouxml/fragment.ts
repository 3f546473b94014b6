import type {LineEntry, Marked, Serialized} from './serialize.js'
import {XML_DECLARATION, locateMarks, writeXml} from './serialize.js'
import type {MarkSource, OuxmlLink, OuxmlPage, XmlElement} from './types.js'
import {attributeForXmlJs} from './escape.js'

/** A session's content stands at this depth: Item, Unit, Session, then it. */
const SESSION_CONTENT_DEPTH = 3

/** The element the frame puts where a session's content goes; `n` indexes the document's sessions. */
export const FRAGMENT_ELEMENT = 'cbfragment'
const FRAGMENT = new RegExp(`\\n *<${FRAGMENT_ELEMENT} n="(\\d+)"/>`, 'g')
// A cross-reference placeholder or a numbered title (with its source mark, if any), or the end of a cross-reference.
const PLACEHOLDER = /<(CrossRef|Title)((?: _cbsrc="\d+")?) _cb(ref|num)="([^"]*)"(\/?)>|<\/CrossRef>/g

/** Write a page's session content as an XML fragment, with its marks (see `OuxmlPage.xml`). */
export function writeFragment(elements: readonly XmlElement[]): {xml: string; marks: MarkSource[]} {
  const {xml, sources} = writeXml(elements, SESSION_CONTENT_DEPTH)
  return {xml, marks: sources.map((s) => [s.name, s.pos?.line ?? 0, s.pos?.column ?? 0, s.pos?.cell ?? -1])}
}

/** What a cross-reference becomes: an element and its attributes, or (undefined) its text alone. */
export type Resolution = {name: 'CrossRef' | 'olink'; attributes: Record<string, string>} | undefined

/** A session of a document being assembled: its page, its source file, and its number when sessions are numbered. */
export interface SplicedSession {
  page: OuxmlPage
  file: string
  number?: number
}

/**
 * A complete document: the frame (written with a `cbfragment` where each
 * session's content goes) with the sessions' fragments spliced in, their
 * cross-references resolved by `resolve`, their section numbers completed,
 * and one line map for the whole.
 */
export function spliceDocument(frame: Marked, sessions: readonly SplicedSession[], resolve: (link: OuxmlLink, session: SplicedSession) => Resolution): Serialized {
  const parts = [`${XML_DECLARATION}\n`]
  let length = parts[0]!.length
  const regions: Array<{start: number; end: number; session: SplicedSession}> = []
  let last = 0
  for (const match of frame.xml.matchAll(FRAGMENT)) {
    const before = frame.xml.slice(last, match.index)
    const session = sessions[Number(match[1])]!
    const text = completeFragment(session, resolve)
    parts.push(before, text)
    regions.push({start: length + before.length, end: length + before.length + text.length, session})
    length += before.length + text.length
    last = match.index + match[0].length
  }
  parts.push(frame.xml.slice(last), '\n')
  let region = 0
  return locateMarks(parts.join(''), (mark, offset): LineEntry | undefined => {
    while (region < regions.length && regions[region]!.end <= offset) region++
    const inside = regions[region]
    if (!inside || offset < inside.start) return frame.sources[mark]
    const source = inside.session.page.marks[mark]
    if (!source) return undefined
    const [name, line, column, cell] = source
    return {name, file: inside.session.file, pos: {line: line || undefined, column: column || undefined, cell: cell < 0 ? undefined : cell}}
  })
}

function completeFragment(session: SplicedSession, resolve: (link: OuxmlLink, session: SplicedSession) => Resolution): string {
  let end = '</CrossRef>'
  return session.page.xml.replace(PLACEHOLDER, (whole, name?: string, mark = '', kind?: string, value = '', self = '') => {
    if (!name) {
      const close = end
      end = '</CrossRef>'
      return close
    }
    if (kind === 'num') {
      const label = session.number === undefined ? '' : `${session.number}.${value} `
      if (!self) return `<Title${mark}>${label}`
      return label ? `<Title${mark}>${label}</Title>` : `<Title${mark}/>`
    }
    const link = session.page.links[Number(value)]
    const resolved = link ? resolve(link, session) : undefined
    if (!resolved) {
      end = ''
      return ''
    }
    const attributes = Object.entries(resolved.attributes).map(([key, v]) => ` ${key}="${attributeForXmlJs(v).replace(/"/g, '&quot;')}"`).join('')
    if (self) return `<${resolved.name}${mark}${attributes}/>`
    end = `</${resolved.name}>`
    return `<${resolved.name}${mark}${attributes}>`
  })
}

/**
 * A page's session content as a standalone, well-formed `<Session>`, for
 * looking at one page (tests, debugging): marks removed, section titles
 * unnumbered, cross-references as `<CrossRef ref="source#hash">`.
 */
export function previewSession(page: OuxmlPage): string {
  const body = completeFragment({page, file: ''}, (link) => ({name: 'CrossRef', attributes: {ref: `${link.source ?? ''}#${link.hash ?? ''}`}}))
  return locateMarks(`<Session>${body}\n</Session>`, () => undefined).xml
}

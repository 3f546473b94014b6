import type {PageResult, Unit} from '../../pipeline/types.js'
import type {ResolvedConfig} from '../../config/schema.js'
import type {XmlElement, XmlNode} from './types.js'
import {cleanText} from './escape.js'
import {idPart, itemId} from './ids.js'
import {frontMatter} from './front-matter.js'
import {FRAGMENT_ELEMENT} from './fragment.js'

/** A page ready to become a `Session`: its render result (with `ouxml`), its place among the document's sessions, and its number if numbered. */
export interface SessionSource {
  result: PageResult
  /** Position among all the sessions of the document, from 0. */
  index: number
  /** The session number (`ouxml.numberSessions`; a unit's introduction has none). */
  number?: number
}

/** A unit and the pages it exports, in reading order (its introduction first). */
export interface UnitSource {
  unit: Unit
  /** 1-based position of the unit in the course. */
  number: number
  pages: Array<{result: PageResult; intro: boolean}>
}

/** One OU-XML document: its file name (without `.xml`), its Item id, its frame and its sessions in order. */
export interface OuxmlDocument {
  name: string
  itemId: string
  title: string
  /** The frame: Item, Unit and Session elements, with a placeholder where each session's content goes. */
  root: XmlElement
  sessions: SessionSource[]
}

const el = (name: string, attributes: Record<string, string | undefined> = {}, elements: XmlNode[] = []): XmlElement => {
  const element: XmlElement = {type: 'element', name}
  const defined = Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
  if (defined.length > 0) element.attributes = Object.fromEntries(defined)
  if (elements.length > 0) element.elements = elements
  return element
}
const text = (value: string): XmlNode[] => {
  const clean = cleanText(value).text
  return clean ? [{type: 'text', text: clean}] : []
}

/**
 * The OU-XML documents of the course: one `Item` per unit (`ouxml.itemPer:
 * 'unit'`) or one for the course, each with `CourseCode`, `CourseTitle`,
 * `ItemID`, `ItemTitle`, the optional `FrontMatter`, and a `Unit` per unit
 * holding a `Session` per page, whose content is a placeholder for the page's
 * XML (see `fragment.ts`), then `backMatter` (the course glossary) when
 * given. A unit with no page to export is left out.
 */
export function buildDocuments(config: ResolvedConfig, units: readonly UnitSource[], backMatter?: XmlElement): OuxmlDocument[] {
  const exported = units.filter((u) => u.pages.length > 0)
  if (config.ouxml.itemPer === 'course') {
    const name = idPart(config.code).toLowerCase() || 'course'
    return [document(config, name, itemId(config.code), config.title, exported, backMatter)]
  }
  return exported.map((u) => document(config, u.unit.slug, itemId(config.code, u.unit.slug), u.unit.title, [u], backMatter))
}

/** The Item id of the document a unit is exported in. */
export function documentItemId(config: ResolvedConfig, unit: Unit): string {
  return config.ouxml.itemPer === 'course' ? itemId(config.code) : itemId(config.code, unit.slug)
}

function document(config: ResolvedConfig, name: string, id: string, title: string, units: UnitSource[], backMatter: XmlElement | undefined): OuxmlDocument {
  const o = config.ouxml
  const sessions: SessionSource[] = []
  const perUnit = units.map((u) => {
    let number = 0
    return u.pages.map((p) => {
      const s: SessionSource = {result: p.result, index: sessions.length, number: o.numberSessions && !p.intro ? ++number : undefined}
      sessions.push(s)
      return s
    })
  })
  const lang = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(config.language) ? config.language : undefined
  const attributes = {
    TextType: 'CompleteItem',
    SchemaVersion: '2.0',
    id,
    Template: o.template,
    Rendering: o.rendering,
    DiscussionAlias: o.discussionAlias,
    vleglossary: o.vleglossary,
    'xml:lang': lang,
  }
  const imprint = o.firstPublished !== undefined || o.isbn !== undefined || o.edition !== undefined
  const children: XmlElement[] = [
    el('CourseCode', {}, text(config.code)),
    el('CourseTitle', {}, text(config.title)),
    el('ItemID'),
    el('ItemTitle', {}, text(title)),
    ...(imprint ? [frontMatter({code: config.code, title: config.title, byline: byline(config), firstPublished: o.firstPublished?.toString(), isbn: o.isbn, edition: o.edition})] : []),
    ...units.map((u, i) => unitElement(config, u, perUnit[i]!)),
    ...(backMatter ? [backMatter] : []),
  ]
  return {name, itemId: id, title, sessions, root: el('Item', attributes, children)}
}

function unitElement(config: ResolvedConfig, source: UnitSource, sessionSources: SessionSource[]): XmlElement {
  const by = byline(config)
  const sessions = sessionSources.map((s, i) => session(s, i === 0 ? source.unit.learningOutcomes : []))
  return el('Unit', {}, [
    el('UnitID', {}, text(String(source.number))),
    el('UnitTitle', {}, text(source.unit.title)),
    ...(by ? [el('ByLine', {}, text(by))] : []),
    ...sessions,
  ])
}

function session(source: SessionSource, outcomes: readonly string[]): XmlElement {
  const {result, index, number} = source
  const page = result.ouxml!
  const title = el('Title', {}, text(number === undefined ? result.title : `${number} ${result.title}`))
  const learning = outcomes.length > 0 ? [el('LearningOutcomes', {}, outcomes.map((o) => el('LearningOutcome', {}, text(o))))] : []
  const binder = result.launch?.[0] ? [binderParagraph(result.launch[0])] : []
  // The page's content is spliced in where this placeholder is written.
  const content = page.xml ? [el(FRAGMENT_ELEMENT, {n: String(index)})] : []
  const body = [...binder, ...content]
  // A session must hold something besides its title.
  if (body.length === 0) body.push(el('Paragraph'))
  const element = el('Session', {id: page.id}, [title, ...learning, ...body])
  element.file = result.source.path
  return element
}

/** The page's main launch link: "Launch this notebook on Binder", or the launcher's own label. */
function binderParagraph(launch: {type: string; label: string; url: string}): XmlElement {
  const label = launch.type === 'binder' ? 'Launch this notebook on Binder' : launch.label
  return el('Paragraph', {}, [el('a', {href: launch.url}, text(label)), ...text(' to run and change its code yourself.')])
}

function byline(config: ResolvedConfig): string | undefined {
  const names = config.authors.map((a) => (typeof a === 'string' ? a : a.name))
  const value = config.ouxml.byline ?? names.join(', ')
  return value.trim() || undefined
}

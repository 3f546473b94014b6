import type {ResolvedConfig} from '../../config/schema.js'
import {version} from '../../package-info.js'
import {absoluteUrl, element, textElement} from './xml.js'

/** A unit as its feed entry shows it. */
export interface FeedUnit {
  title: string
  summary?: string
  /** Site-root-relative href of the unit's overview page. */
  href: string
  /** Its release date, when it has one. */
  release?: Date
  /** The launch link of its first notebook, when it has one; `title` names both (`Launch on Binder: Python refresher`). */
  launch?: {title: string; url: string}
}

const ATOM = 'http://www.w3.org/2005/Atom'

/**
 * The course's Atom feed (RFC 4287): one entry per unit, in release order
 * (units without a release date first, as they were there from the start;
 * then by date; course order breaks ties), each with its summary, its link
 * and the launch link of its first notebook. An entry is `updated` at its
 * release date, else at `buildDate`; the feed at its latest entry. The feed
 * needs absolute URLs, so `baseUrl` must be set.
 */
export function atomFeed(config: ResolvedConfig & {baseUrl: string}, units: readonly FeedUnit[], buildDate: Date): string {
  const url = (href: string) => absoluteUrl(config.baseUrl, href)
  const ordered = units
    .map((unit, order) => ({unit, order}))
    .sort((a, b) => (a.unit.release?.getTime() ?? -Infinity) - (b.unit.release?.getTime() ?? -Infinity) || a.order - b.order)
    .map(({unit}) => unit)
  const updatedOf = (unit: FeedUnit) => unit.release ?? buildDate
  const latest = ordered.reduce((max, unit) => Math.max(max, updatedOf(unit).getTime()), units.length > 0 ? -Infinity : buildDate.getTime())
  const entries = ordered.map((unit) =>
    element('entry', {}, [
      textElement('id', url(unit.href)),
      textElement('title', unit.title),
      textElement('updated', timestamp(updatedOf(unit))),
      unit.release ? textElement('published', timestamp(unit.release)) : '',
      element('link', {rel: 'alternate', type: 'text/html', href: url(unit.href)}),
      unit.launch ? element('link', {rel: 'related', type: 'text/html', title: unit.launch.title, href: unit.launch.url}) : '',
      unit.summary ? textElement('summary', unit.summary) : '',
    ].join('')),
  )
  const authors = config.authors.length > 0 ? config.authors : [`${config.code} course team`]
  const head = [
    textElement('id', url('')),
    textElement('title', `${config.code} ${config.title}`),
    config.description ? textElement('subtitle', config.description) : '',
    textElement('updated', timestamp(new Date(latest))),
    element('link', {rel: 'self', type: 'application/atom+xml', href: url(FEED_PATH)}),
    element('link', {rel: 'alternate', type: 'text/html', href: url('index.html')}),
    ...authors.map((author) =>
      typeof author === 'string'
        ? element('author', {}, textElement('name', author))
        : element('author', {}, [textElement('name', author.name), author.email ? textElement('email', author.email) : '', author.url ? textElement('uri', author.url) : ''].join('')),
    ),
    textElement('generator', 'coursebook', {version}),
  ]
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('feed', {xmlns: ATOM, 'xml:lang': config.language}, `\n${[...head.filter(Boolean), ...entries].join('\n')}\n`)}\n`
}

/** Where the feed is written in the site. */
export const FEED_PATH = 'feed.xml'

/** An RFC 3339 timestamp in UTC, to the second. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

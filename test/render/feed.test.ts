import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {xml2js, type Element} from 'xml-js'
import {select} from 'hast-util-select'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import type {UserConfig} from '../../src/config/schema.js'
import {readPage, tempCourse} from '../sites/helpers.js'
import {codeCell, markdownCell, notebook} from '../hardening/helpers.js'

const ATOM = 'http://www.w3.org/2005/Atom'
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** Parse an XML file with a real parser (it throws on anything not well formed); the document element. */
function parseXml(path: string): Element {
  const document = xml2js(readFileSync(path, 'utf8'), {compact: false}) as Element
  const roots = (document.elements ?? []).filter((e) => e.type === 'element')
  expect(roots).toHaveLength(1)
  return roots[0]!
}

const children = (element: Element, name: string) => (element.elements ?? []).filter((e) => e.type === 'element' && e.name === name)
const child = (element: Element, name: string) => children(element, name)[0]
const text = (element: Element | undefined) => (element?.elements ?? []).map((e) => e.text ?? e.cdata ?? '').join('')

function course() {
  const c = tempCourse('cb-feed-')
  c.write('week-1/_unit.yml', 'title: Week 1 & friends <intro>\nsummary: Getting started, with "quotes" & ampersands.\nrelease: 2026-09-07\n')
  c.write('week-1/01-welcome.md', '# Welcome\n\nHello.')
  c.write('week-1/02-first.ipynb', notebook([markdownCell('a', '# First notebook\n\nRun it.'), codeCell('b', 'print(1)')]))
  c.write('week-2/_unit.yml', 'title: Week 2\nsummary: Models.\n')
  c.write('week-2/01-model.md', '# Model\n\nText.')
  c.write('week-3/_unit.yml', 'title: Week 3\nrelease: 2026-10-12\n')
  c.write('week-3/01-later.md', '# Later\n\nText.')
  return c
}

async function buildAt(root: string, config: Partial<UserConfig>, now: string): Promise<BuildResult> {
  return build({config: configFromObject({code: 'TM999', title: 'Feeds & sitemaps', authors: ['Dr A Tutor'], binder: {repo: 'open-uni/tm999'}, ...config}, root), now: new Date(now), cache: false})
}

describe('feed.xml and sitemap.xml', () => {
  let result: BuildResult
  let feed: Element

  beforeAll(async () => {
    result = await buildAt(course().root, {baseUrl: 'https://example.org/tm999'}, '2026-10-01T15:30:00Z')
    feed = parseXml(join(result.outPath, 'feed.xml'))
  })

  it('writes a well-formed Atom feed with the elements RFC 4287 requires', () => {
    expect(feed.name).toBe('feed')
    expect(feed.attributes?.xmlns).toBe(ATOM)
    expect(text(child(feed, 'id'))).toBe('https://example.org/tm999/')
    expect(text(child(feed, 'title'))).toBe('TM999 Feeds & sitemaps')
    expect(text(child(feed, 'updated'))).toMatch(RFC3339)
    expect(text(child(child(feed, 'author')!, 'name'))).toBe('Dr A Tutor')
    const self = children(feed, 'link').find((l) => l.attributes?.rel === 'self')
    expect(self?.attributes?.href).toBe('https://example.org/tm999/feed.xml')
    for (const entry of children(feed, 'entry')) {
      for (const required of ['id', 'title', 'updated']) expect(text(child(entry, required)), required).not.toBe('')
      expect(text(child(entry, 'updated'))).toMatch(RFC3339)
      expect(new URL(text(child(entry, 'id'))).protocol).toBe('https:')
      const alternate = children(entry, 'link').find((l) => l.attributes?.rel === 'alternate')
      expect(alternate?.attributes?.href).toBe(text(child(entry, 'id')))
    }
  })

  it('has one entry per released unit, in release order, with its summary, link, launch link and date', () => {
    const entries = children(feed, 'entry')
    // Week 2 has no release date (there from the start); week 1 was released on 7 September; week 3 is still to come.
    expect(entries.map((e) => text(child(e, 'title')))).toEqual(['Week 2', 'Week 1 & friends <intro>'])
    const [week2, week1] = entries
    expect(text(child(week2!, 'updated'))).toBe('2026-10-01T00:00:00Z')
    expect(text(child(week1!, 'updated'))).toBe('2026-09-07T00:00:00Z')
    expect(text(child(week1!, 'published'))).toBe('2026-09-07T00:00:00Z')
    expect(text(child(week1!, 'summary'))).toBe('Getting started, with "quotes" & ampersands.')
    expect(children(week1!, 'link').map((l) => l.attributes)).toEqual([
      {rel: 'alternate', type: 'text/html', href: 'https://example.org/tm999/week-1/index.html'},
      {rel: 'related', type: 'text/html', title: 'Launch on Binder: First notebook', href: 'https://mybinder.org/v2/gh/open-uni/tm999/main?labpath=content%2Fweek-1%2F02-first.ipynb'},
    ])
    expect(children(week2!, 'link').filter((l) => l.attributes?.rel === 'related')).toEqual([])
    expect(text(child(feed, 'updated'))).toBe('2026-10-01T00:00:00Z')
  })

  it('writes a sitemap of every published page, as absolute URLs', () => {
    const urlset = parseXml(join(result.outPath, 'sitemap.xml'))
    expect(urlset.name).toBe('urlset')
    expect(urlset.attributes?.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(children(urlset, 'url').map((u) => text(child(u, 'loc')))).toEqual([
      'https://example.org/tm999/index.html',
      'https://example.org/tm999/week-1/index.html',
      'https://example.org/tm999/week-1/01-welcome.html',
      'https://example.org/tm999/week-1/02-first.html',
      'https://example.org/tm999/week-2/index.html',
      'https://example.org/tm999/week-2/01-model.html',
    ])
  })

  it('links the feed from every page’s head, relative to the page', () => {
    const alternate = (outPath: string) => select('link[rel="alternate"][type="application/atom+xml"]', readPage(result, outPath))?.properties.href
    expect(alternate('index.html')).toBe('feed.xml')
    expect(alternate('week-1/02-first.html')).toBe('../feed.xml')
    expect(alternate('search.html')).toBe('feed.xml')
  })

  it('gives the same bytes when built again the same day', async () => {
    const again = await buildAt(course().root, {baseUrl: 'https://example.org/tm999'}, '2026-10-01T23:59:00Z')
    expect(readFileSync(join(again.outPath, 'feed.xml'), 'utf8')).toBe(readFileSync(join(result.outPath, 'feed.xml'), 'utf8'))
  })

  it('without baseUrl, writes neither and says so once', async () => {
    const plain = await buildAt(course().root, {}, '2026-10-01')
    expect(existsSync(join(plain.outPath, 'feed.xml'))).toBe(false)
    expect(existsSync(join(plain.outPath, 'sitemap.xml'))).toBe(false)
    const notes = plain.diagnostics.filter((d) => d.ruleId === 'feed-needs-base-url')
    expect(notes).toEqual([
      {
        severity: 'info',
        ruleId: 'feed-needs-base-url',
        message: 'No feed.xml or sitemap.xml was written: they need absolute URLs, and the config sets no baseUrl',
        hint: 'Set `baseUrl` in site.config.ts to the address the site is published at.',
        file: plain.config.configPath,
      },
    ])
    expect(select('link[type="application/atom+xml"]', readPage(plain, 'index.html'))).toBeUndefined()
  })
})

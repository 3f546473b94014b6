import {describe, expect, it} from 'vitest'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {build, type BuildResult, type BuildOptions} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import type {UserConfig} from '../../src/config/schema.js'
import {describeRelease, parseReleaseDate} from '../../src/load/release.js'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'
import {readPage, siteFiles, tempCourse} from '../sites/helpers.js'
import {codeCell, markdownCell, notebook} from '../hardening/helpers.js'
import {loadSiteIndex, pagesFound} from '../render/search/helpers.js'

describe('parseReleaseDate', () => {
  it('reads a date as the start of that day in UTC, and a date and time with or without a zone', () => {
    expect(parseReleaseDate('2026-10-05')?.toISOString()).toBe('2026-10-05T00:00:00.000Z')
    expect(parseReleaseDate(' 2026-10-05 ')?.toISOString()).toBe('2026-10-05T00:00:00.000Z')
    expect(parseReleaseDate('2026-10-05T09:00+01:00')?.toISOString()).toBe('2026-10-05T08:00:00.000Z')
    expect(parseReleaseDate('2026-10-05 09:30')?.toISOString()).toBe('2026-10-05T09:30:00.000Z')
    expect(parseReleaseDate(new Date('2026-10-05T00:00:00Z'))?.toISOString()).toBe('2026-10-05T00:00:00.000Z')
  })

  it('tells a missing value from one that is not a date', () => {
    expect(parseReleaseDate(undefined)).toBeUndefined()
    expect(parseReleaseDate(null)).toBeUndefined()
    for (const bad of ['2026-02-30', '5 October 2026', 'next week', '2026-13-01', 20261005, true]) expect(parseReleaseDate(bad), String(bad)).toBeNull()
  })

  it('describes a date as readers read it', () => {
    expect(describeRelease(parseReleaseDate('2026-10-05')!)).toBe('5 October 2026')
    expect(describeRelease(parseReleaseDate('2026-10-05T09:00Z')!)).toBe('5 October 2026, 09:00 UTC')
  })
})

/**
 * A course of three weeks: week 1 always out, week 2 released on 5 October
 * 2026 (in `_unit.yml`), week 3 on 12 October (in its `index.md`). Week 1
 * links to week 2's notebook and overview.
 */
function scheduledCourse() {
  const course = tempCourse('cb-release-')
  course.write('week-1/01-intro.md', '# Introduction\n\nNext week you will [simulate the trolley](../week-2/01-trolley.ipynb#the-model), starting from [the week 2 overview](../week-2/index.md).\n')
  course.write('week-2/_unit.yml', 'title: Week 2 Trolleys\nsummary: Simulate a trolley.\nrelease: 2026-10-05\n')
  course.write('week-2/01-trolley.ipynb', notebook([markdownCell('a', '# The trolley\n\n## The model\n\nA unique word: pangolinesque.'), codeCell('b', 'x = 1')]))
  course.write('week-2/02-notes.md', '# Notes\n\nMore notes.')
  course.write('week-3/index.md', '---\ntitle: Week 3 Signals\nrelease: 2026-10-12\n---\nSignals start here.\n')
  course.write('week-3/01-signals.md', '# Signals\n\nText.')
  return course
}

async function buildAt(root: string, now: string, config: Partial<UserConfig> = {}, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build({config: configFromObject({code: 'TM999', title: 'Release course', baseUrl: 'https://example.org/tm999/', ...config}, root), now: new Date(now), ...options})
}

const navText = (result: BuildResult, outPath: string) => toString(select('nav.course-nav', readPage(result, outPath))!)

describe('the release schedule', () => {
  it('leaves an unreleased unit out of a student build: no pages, navigation, search, feed, sitemap or OU-XML', async () => {
    const course = scheduledCourse()
    const result = await buildAt(course.root, '2026-10-01T12:00:00Z', {}, {cache: false})
    const files = [...siteFiles(result.outPath).keys()]
    expect(files.filter((f) => /week-2|week-3/.test(f))).toEqual([])
    expect(result.pages.map((p) => p.source.relPath)).toEqual(['week-1/01-intro.md'])
    expect(navText(result, 'index.html')).not.toMatch(/Week 2|Week 3/)
    expect(readFileSync(join(result.outPath, 'assets/search/index.js'), 'utf8')).not.toMatch(/pangolinesque|Trolleys/)
    expect(readFileSync(join(result.outPath, 'feed.xml'), 'utf8')).not.toMatch(/week-2|week-3/)
    expect(readFileSync(join(result.outPath, 'sitemap.xml'), 'utf8')).not.toMatch(/week-2|week-3/)
    expect(readdirSync(join(result.outPath, 'ouxml')).filter((f) => /week-[23]/.test(f))).toEqual([])
    const held = result.diagnostics.filter((d) => d.ruleId === 'unit-held-back')
    expect(held.map((d) => [d.severity, d.message, d.file])).toEqual([
      ['info', 'Week 2 Trolleys is released on 5 October 2026, so this student build leaves it out', join(course.root, 'content', 'week-2')],
      ['info', 'Week 3 Signals is released on 12 October 2026, so this student build leaves it out', join(course.root, 'content', 'week-3')],
    ])
    expect(held[0]!.hint).toBe('Preview it with --now 2026-10-05, or build for tutors.')
  })

  it('shows a link to a held-back page as its text, with the release date, and notes each target', async () => {
    const result = await buildAt(scheduledCourse().root, '2026-10-01')
    const intro = readPage(result, 'week-1/01-intro.html')
    const links = selectAll('main article a', intro).map((a) => String(a.properties.href))
    expect(links.filter((href) => href.includes('week-2'))).toEqual([])
    const spans = selectAll('span.link-unreleased', intro)
    expect(spans.map((s) => [toString(s), s.properties.title])).toEqual([
      ['simulate the trolley', 'Available from 5 October 2026'],
      ['the week 2 overview', 'Available from 5 October 2026'],
    ])
    expect(result.diagnostics.filter((d) => d.ruleId === 'link-to-unreleased').map((d) => [d.severity, d.message])).toEqual([
      ['info', 'The link to week-2/01-trolley.ipynb is shown as text: it is released on 5 October 2026'],
      ['info', 'The link to week-2 is shown as text: it is released on 5 October 2026'],
    ])
    // The held-back notebook is a page, not a file to copy: its source never reaches the site.
    expect([...siteFiles(result.outPath).keys()].filter((f) => f.endsWith('.ipynb'))).toEqual([])
  })

  it('publishes a unit from its release date, and --now previews it', async () => {
    const course = scheduledCourse()
    const onTheDay = await buildAt(course.root, '2026-10-05T00:00:00Z')
    expect(existsSync(join(onTheDay.outPath, 'week-2/01-trolley.html'))).toBe(true)
    expect(existsSync(join(onTheDay.outPath, 'week-3/01-signals.html'))).toBe(false)
    expect(navText(onTheDay, 'index.html')).toContain('Week 2 Trolleys')
    const {data, index} = loadSiteIndex(onTheDay.outPath)
    expect(pagesFound(data, index.search('pangolinesque'))).toEqual(new Set(['week-2/01-trolley.html']))
    const link = select('main article a[href^="../week-2/01-trolley.html"]', readPage(onTheDay, 'week-1/01-intro.html'))
    expect(link?.properties.href).toBe('../week-2/01-trolley.html#the-model')
    expect(onTheDay.diagnostics.filter((d) => d.ruleId === 'link-to-unreleased')).toEqual([])
  })

  it('follows the date through the page cache, both ways', async () => {
    const course = scheduledCourse()
    const before = siteFiles((await buildAt(course.root, '2026-10-01')).outPath)
    const released = await buildAt(course.root, '2026-10-06')
    // The released pages are rendered, and the page linking to one (the cache saw its target become a page); nothing else.
    expect(released.rendered.sort()).toEqual(['week-1/01-intro.md', 'week-2/01-trolley.ipynb', 'week-2/02-notes.md'])
    expect(select('main article a[href="../week-2/01-trolley.html#the-model"]', readPage(released, 'week-1/01-intro.html'))).toBeTruthy()
    const again = await buildAt(course.root, '2026-10-01')
    expect(again.rendered).toEqual(['week-1/01-intro.md'])
    expect(existsSync(join(again.outPath, 'week-2/01-trolley.html'))).toBe(false)
    expect(selectAll('span.link-unreleased', readPage(again, 'week-1/01-intro.html'))).toHaveLength(2)
    expect(siteFiles(again.outPath)).toEqual(before)
  })

  it('follows the date in a dev session, whose reused pages keep their links', async () => {
    const course = scheduledCourse()
    const writeState = new Map()
    const first = await buildAt(course.root, '2026-10-01', {}, {writeState, cache: false})
    const second = await buildAt(course.root, '2026-10-06', {}, {writeState, cache: false, reuse: first.outcomes})
    expect(second.rendered.sort()).toEqual(['week-2/01-trolley.ipynb', 'week-2/02-notes.md'])
    expect(second.written).toContain('week-2/01-trolley.html')
    expect(second.written).toContain('week-1/01-intro.html')
    expect(select('main article a[href="../week-2/01-trolley.html#the-model"]', readPage(second, 'week-1/01-intro.html'))).toBeTruthy()
    // The outcome the session keeps is the rendering, not this build's rewrite of it.
    expect(first.outcomes.get('week-1/01-intro.md')!.result!.body).toContain('href="../week-2/01-trolley.html#the-model"')
  })

  it('shows every unit to tutors, marking the unreleased ones with their release date', async () => {
    const result = await buildAt(scheduledCourse().root, '2026-10-01', {audience: 'tutor', language: 'en-GB'})
    expect(existsSync(join(result.outPath, 'week-2/01-trolley.html'))).toBe(true)
    expect(existsSync(join(result.outPath, 'week-3/01-signals.html'))).toBe(true)
    const home = readPage(result, 'index.html')
    expect(selectAll('nav.course-nav .course-nav-release', home).map((e) => toString(e))).toEqual(['Releases on 5 October 2026', 'Releases on 12 October 2026'])
    expect(selectAll('.unit-card .badge-release', home).map((e) => toString(e))).toEqual(['Releases on 5 October 2026', 'Releases on 12 October 2026'])
    expect(toString(select('.page-header .badge-release', readPage(result, 'week-2/index.html'))!)).toBe('Releases on 5 October 2026')
    expect(selectAll('.course-nav-release, .badge-release', readPage(result, 'week-1/index.html')).length).toBe(2)
    expect(result.diagnostics.filter((d) => d.ruleId === 'unit-held-back' || d.ruleId === 'link-to-unreleased')).toEqual([])
    // The feed announces only what is released.
    expect(readFileSync(join(result.outPath, 'feed.xml'), 'utf8')).not.toMatch(/week-2|week-3/)
  })

  it('warns about a release that is not a date, and publishes the unit', async () => {
    const course = scheduledCourse()
    course.write('week-2/_unit.yml', 'title: Week 2 Trolleys\nrelease: early October\n')
    const result = await buildAt(course.root, '2026-10-01')
    expect(existsSync(join(result.outPath, 'week-2/01-trolley.html'))).toBe(true)
    expect(result.diagnostics.filter((d) => d.ruleId === 'release-invalid').map((d) => [d.severity, d.message, d.file])).toEqual([
      ['warning', 'release: "early October" is not a date, so the unit is published now', join(course.root, 'content', 'week-2', '_unit.yml')],
    ])
  })
})

describe('coursebook build --now', () => {
  const capture = (): Output & {stderr: string[]} => {
    const stderr: string[] = []
    return {stderr, out: () => undefined, err: (l) => stderr.push(l), progress: () => undefined}
  }

  it('builds as on the date given', async () => {
    const course = scheduledCourse()
    writeFileSync(join(course.root, 'site.config.ts'), `export default {code: 'TM999', title: 'Release course'}\n`)
    const config = join(course.root, 'site.config.ts')
    expect(await main(['build', '--config', config, '--now', '2026-10-01'], capture())).toBe(0)
    expect(existsSync(join(course.root, 'dist/week-2/01-trolley.html'))).toBe(false)
    expect(await main(['build', '--config', config, '--now', '2026-10-12'], capture())).toBe(0)
    expect(existsSync(join(course.root, 'dist/week-2/01-trolley.html'))).toBe(true)
    expect(existsSync(join(course.root, 'dist/week-3/01-signals.html'))).toBe(true)
  })

  it('refuses a date it cannot read', async () => {
    const output = capture()
    expect(await main(['build', '--now', 'tomorrow'], output)).toBe(1)
    expect(output.stderr).toEqual(['--now tomorrow is not a date. Write it as YYYY-MM-DD, e.g. --now 2026-10-05.'])
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {loadConfig} from '../../src/config/load.js'
import {projectRoot} from '../sites/helpers.js'
import {contrastRatio, hasChromium, launchChromium, serveSite, siteContext, textColours, type PageProblems} from './helpers.js'

// Callbacks given to page.evaluate run in the browser. The project compiles
// without the DOM library, so the browser globals they use are declared here,
// loosely and for this module only.
declare const document: any
declare const window: any
declare function getComputedStyle(element: any): any


/**
 * The sample course in a real browser (Debian's chromium through
 * playwright-core), served over HTTP from 127.0.0.1. Screenshots of each page
 * type go to test-results/browser/.
 */

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')
const SHOTS = join(projectRoot, 'test-results', 'browser')

const PAGE_TYPES = {
  home: 'index.html',
  unit: 'week-02-modelling-motion/index.html',
  notebook: 'week-02-modelling-motion/02-simulating-the-trolley.html',
  reading: 'week-02-modelling-motion/01-the-mass-spring-damper.html',
} as const

describe.skipIf(!hasChromium)('the sample course in chromium', () => {
  let result: BuildResult
  let site: {origin: string; close(): Promise<void>}
  let browser: Browser
  let problems: PageProblems
  let open: (outPath: string) => Promise<Page>
  let htmlFiles: string[]

  beforeAll(async () => {
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    result = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-browser-')), cache: false})
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
    htmlFiles = walk(result.outPath).filter((f) => f.endsWith('.html')).map((f) => relative(result.outPath, f).split('\\').join('/'))
    site = await serveSite(result.outPath)
    browser = await launchChromium()
    const session = await siteContext(browser, site.origin)
    problems = session.problems
    open = async (outPath) => {
      const page = session.watch(await session.context.newPage())
      await page.goto(`${site.origin}/${outPath}`, {waitUntil: 'load'})
      await page.evaluate(() => document.fonts.ready)
      return page
    }
    mkdirSync(SHOTS, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it('loads every page with no console error, no failed request and no request to another host', async () => {
    const units = new Set(result.pages.map((p) => p.source.unit.slug))
    // The home page, a page per unit and per page, the search page, and the glossary (the sample course defines terms).
    expect(htmlFiles).toHaveLength(1 + units.size + result.pages.length + 2)
    expect(htmlFiles).toEqual(expect.arrayContaining(['search.html', 'glossary.html']))
    for (const outPath of htmlFiles) {
      const page = await open(outPath)
      // Lazy images load once they are scrolled to.
      await page.evaluate(async () => {
        for (const img of Array.from(document.images) as any[]) img.loading = 'eager'
        await Promise.all((Array.from(document.images) as any[]).map((img) => (img.complete ? undefined : new Promise((r) => img.addEventListener('load', r, {once: true}) || img.addEventListener('error', r, {once: true})))))
      })
      const broken = await page.$$eval('img', (imgs) => imgs.filter((img) => img.naturalWidth === 0).map((img) => img.getAttribute('src')))
      expect(broken, outPath).toEqual([])
      await page.close()
    }
    expect(problems.console).toEqual([])
    expect(problems.failed).toEqual([])
    expect(problems.foreign).toEqual([])
  }, 120_000)

  it('typesets maths with KaTeX: no error spans, and KaTeX’s own fonts loaded from the site', async () => {
    const page = await open(PAGE_TYPES.reading)
    expect(await page.locator('.katex').count()).toBeGreaterThan(5)
    expect(await page.locator('.katex-error, .math-error').count()).toBe(0)
    const fonts = await page.evaluate(() => (Array.from(document.fonts) as any[]).filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length)
    expect(fonts).toBeGreaterThan(0)
    const box = await page.locator('.katex-display').first().boundingBox()
    expect(box!.height).toBeGreaterThan(10)
    // Radicals are SVG that KaTeX sizes itself: a theme rule for images must not collapse or stretch them.
    const radicals = await page.locator('.katex .sqrt svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height))
    expect(radicals.length).toBeGreaterThan(0)
    for (const height of radicals) expect(height).toBeGreaterThan(5)
    for (const height of radicals) expect(height).toBeLessThan(80)
    await page.close()
  })

  it('highlights code: the tokens of a cell carry several colours', async () => {
    const page = await open(PAGE_TYPES.notebook)
    const colours = await page.$$eval('pre.shiki span', (spans) => [...new Set(spans.map((s) => getComputedStyle(s).color))])
    expect(colours.length).toBeGreaterThan(3)
    await page.close()
  })

  it('walks a whole unit with “Next” and back with “Previous”', async () => {
    const unit = await open(PAGE_TYPES.unit)
    const listed = await unit.$$eval('.page-list a.page-list-title', (links) => links.map((a) => (a as any).href as string))
    expect(listed.length).toBeGreaterThan(2)
    const page = await open(new URL(listed[0]!).pathname.slice(1))
    for (const expected of listed.slice(1)) {
      await Promise.all([page.waitForURL(expected), page.click('a[rel="next"]')])
      expect(page.url()).toBe(expected)
    }
    for (const expected of listed.slice(0, -1).reverse()) {
      await Promise.all([page.waitForURL(expected), page.click('a[rel="prev"]')])
      expect(page.url()).toBe(expected)
    }
    await Promise.all([unit.close(), page.close()])
  })

  it('links each notebook to Binder, opening exactly that notebook', async () => {
    const page = await open(PAGE_TYPES.notebook)
    expect(await page.getAttribute('a.button-binder', 'href')).toBe(
      'https://mybinder.org/v2/gh/coursebook-dev/coursebook/main?labpath=content%2Fweek-02-modelling-motion%2F02-simulating-the-trolley.ipynb',
    )
    const optional = await open('week-02-modelling-motion/03-1-the-trolley-model-optional.html')
    expect(await optional.getAttribute('a.button-binder', 'href')).toBe(
      'https://mybinder.org/v2/gh/coursebook-dev/coursebook/main?labpath=content%2Fweek-02-modelling-motion%2F03.1%20The%20trolley%20model%20(optional).ipynb',
    )
    await Promise.all([page.close(), optional.close()])
  })

  it('opens hide-input, hide-output and hide-cell sections on click', async () => {
    const page = await open(PAGE_TYPES.notebook)
    const sections = page.locator('details.cell-hidden')
    const count = await sections.count()
    expect(count).toBeGreaterThanOrEqual(3)
    for (let i = 0; i < count; i++) {
      const details = sections.nth(i)
      expect(await details.evaluate((d) => (d as any).open as boolean)).toBe(false)
      const inside = details.locator(':scope > :not(summary)').first()
      expect(await inside.isVisible()).toBe(false)
      await details.locator(':scope > summary').click()
      expect(await details.evaluate((d) => (d as any).open as boolean)).toBe(true)
      expect(await inside.isVisible()).toBe(true)
    }
    await page.close()
  })

  it('keeps output tables and code readable in dark mode (contrast at least 4.5:1)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(PAGE_TYPES.notebook)
      await page.emulateMedia({colorScheme: scheme})
      const samples = [
        ...(await textColours(page, '.output table th, .output table td')),
        ...(await textColours(page, 'pre.shiki span')),
        ...(await textColours(page, '.output pre, .prose p')),
      ]
      expect(samples.length).toBeGreaterThan(20)
      const poor = samples
        .map((s) => ({...s, ratio: contrastRatio(s.color, s.background)}))
        .filter((s) => s.background[0] === -1 || s.ratio < 4.5)
        .map((s) => `${scheme}: "${s.text}" ${s.ratio.toFixed(2)} (rgb ${s.color} on ${s.background})`)
      expect(poor).toEqual([])
      if (scheme === 'dark') {
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
        expect(background).not.toBe('rgb(255, 255, 255)')
      }
      await page.close()
    }
  })

  it('hides the navigation when printed', async () => {
    const page = await open(PAGE_TYPES.reading)
    expect(await page.locator('nav.course-nav').isVisible()).toBe(true)
    await page.emulateMedia({media: 'print'})
    for (const selector of ['nav.course-nav', 'nav.pager', '.skip-link', 'aside.site-toc']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
    }
    expect(await page.locator('article').isVisible()).toBe(true)
    await page.screenshot({path: join(SHOTS, 'reading-print.png'), fullPage: true})
    await page.close()
  })

  describe('axe-core audit, and screenshots', () => {
    it.each(Object.entries(PAGE_TYPES))('%s page: no serious or critical violation, light and dark', async (type, outPath) => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open(outPath)
        await page.emulateMedia({colorScheme: scheme})
        await page.addScriptTag({path: AXE})
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as {axe: {run(context: unknown, options: object): Promise<{violations: Array<{id: string; impact: string; help: string; nodes: Array<{target: string[]}>}>}>}}).axe
          const results = await axe.run(document, {resultTypes: ['violations']})
          return results.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))}))
        })
        // Every finding, whatever its impact, is kept beside the screenshots for review.
        writeFileSync(join(SHOTS, `axe-${type}-${scheme}.json`), `${JSON.stringify(violations, null, 2)}\n`)
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        expect(serious, `${type} (${scheme})`).toEqual([])
        // Whole pages in light mode; the first screenful in dark (encoding a 9,000-pixel page is slow).
        if (scheme === 'light') await page.screenshot({path: join(SHOTS, `${type}-${scheme}.png`), fullPage: true})
        await page.screenshot({path: join(SHOTS, `${type}-${scheme}-top.png`)})
        if (type === 'notebook') {
          await page.locator('.output table').first().screenshot({path: join(SHOTS, `${type}-${scheme}-table.png`)})
          await page.locator('.cell-code').nth(2).screenshot({path: join(SHOTS, `${type}-${scheme}-cell.png`)})
        }
        await page.close()
      }
    }, 60_000)
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {loadConfig} from '../../src/config/load.js'
import {projectRoot} from '../sites/helpers.js'
import {hasChromium, launchChromium, serveSite, siteContext} from './helpers.js'

/**
 * Search in a real browser: the sample course opened from `file://` (where
 * a page may not fetch JSON, which is why the index is a script) and from a
 * static server, typing into the header's search box and the search page's.
 */

const SHOTS = join(projectRoot, 'test-results', 'browser')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const FFT_PAGE = 'week-03-signals-and-spectra/03-the-fft-in-practice.html'

describe.skipIf(!hasChromium)('search in chromium', () => {
  let result: BuildResult
  let browser: Browser

  beforeAll(async () => {
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    result = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-search-browser-')), cache: false})
    browser = await launchChromium()
    mkdirSync(SHOTS, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('from file://, a query typed into the header box lists the page with the word marked, and its link opens the section', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    await page.goto(pathToFileURL(join(result.outPath, 'week-01-getting-started/01-welcome.html')).href)
    await page.fill('#site-search-query', 'masquerading')
    await Promise.all([page.waitForURL(/search\.html\?q=masquerading$/), page.press('#site-search-query', 'Enter')])
    const marks = page.locator('.search-result mark')
    await marks.first().waitFor()
    expect((await marks.allTextContents()).map((t) => t.toLowerCase())).toContain('masquerading')
    const results = page.locator('.search-result')
    expect(await results.count()).toBe(1)
    expect(await results.first().locator('.search-result-unit').textContent()).toMatch(/^Week 3/)
    expect(await page.locator('.search-status').textContent()).toBe('1 result for “masquerading”.')
    expect(await page.inputValue('#search-query')).toBe('masquerading')
    await page.screenshot({path: join(SHOTS, 'search-file.png'), fullPage: true})
    const link = results.first().locator('a')
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(new RegExp(`^${FFT_PAGE.replace(/\./g, '\\.')}#[a-z0-9-]+$`))
    await Promise.all([page.waitForURL((url) => url.href.endsWith(href)), link.click()])
    expect(await page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('from a static server, searches as the reader types, with no error and no request elsewhere', async () => {
    const site = await serveSite(result.outPath)
    const {context, problems, watch} = await siteContext(browser, site.origin)
    const page = watch(await context.newPage())
    await page.goto(`${site.origin}/search.html`)
    expect(await page.locator('.search-result').count()).toBe(0)
    await page.locator('#search-query').pressSequentially('trolley damp', {delay: 20})
    await page.locator('.search-result mark').first().waitFor()
    const titles = await page.locator('.search-result-title').allTextContents()
    expect(titles.length).toBeGreaterThan(1)
    expect(titles.some((t) => t.startsWith('Simulating the trolley'))).toBe(true)
    // Both words are asked for, and a prefix matches ("damp" finds "damper", "damping").
    const marked = (await page.locator('.search-result mark').allTextContents()).map((t) => t.toLowerCase())
    expect(marked.some((t) => t.startsWith('damp'))).toBe(true)
    expect(marked).toContain('trolley')
    await page.fill('#search-query', 'zzzqqq')
    await page.locator('.search-status', {hasText: 'No results'}).waitFor()
    expect(await page.locator('.search-result').count()).toBe(0)
    await context.close()
    await site.close()
    expect(problems).toEqual({console: [], failed: [], foreign: []})
  })

  it('has no serious or critical axe-core finding on the search page with results, light and dark', async () => {
    const site = await serveSite(result.outPath)
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({colorScheme: scheme})
      const page = await context.newPage()
      await page.goto(`${site.origin}/search.html?q=trolley`)
      await page.locator('.search-result mark').first().waitFor()
      await page.addScriptTag({path: AXE})
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as {axe: {run(context: unknown, options: object): Promise<{violations: Array<{id: string; impact: string; nodes: unknown[]}>}>}}).axe
        const found = await axe.run((globalThis as unknown as {document: unknown}).document, {resultTypes: ['violations']})
        return found.violations.map((v) => ({id: v.id, impact: v.impact, count: v.nodes.length}))
      })
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), scheme).toEqual([])
      await page.screenshot({path: join(SHOTS, `search-${scheme}.png`)})
      await context.close()
    }
    await site.close()
  })

  it('without JavaScript, the search page says search needs it, and other pages are unaffected', async () => {
    const site = await serveSite(result.outPath)
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${site.origin}/search.html?q=trolley`)
    expect(await page.locator('.search-needs-script').isVisible()).toBe(true)
    expect(await page.locator('.search-needs-script').textContent()).toMatch(/^Search needs JavaScript/)
    expect(await page.locator('.search-result').count()).toBe(0)
    await page.goto(`${site.origin}/${FFT_PAGE}`)
    expect(await page.locator('form.site-search').isVisible()).toBe(true)
    expect(await page.locator('article h1').textContent()).toBeTruthy()
    await context.close()
    await site.close()
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Browser} from 'playwright-core'
import {buildCourse, tempCourse} from '../sites/helpers.js'
import {codeCell, markdownCell, notebook} from '../hardening/helpers.js'
import {hasChromium, launchChromium, serveSite} from './helpers.js'

/**
 * Whether a script in a notebook actually runs, asked of a real browser: every
 * script here reports itself by requesting `/ran/<name>` from the site's own
 * server, so the test sees exactly which ones ran. The author-mode page proves
 * the probe works: its script must run.
 */

const probe = (name: string) => `fetch('/ran/${name}')`

function svg(name: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="${probe(`${name}-onload`)}"><script>${probe(`${name}-script`)}</script><rect width="40" height="40" fill="#36c"/></svg>`
}

function page(name: string): string {
  return notebook([
    markdownCell('a', `# ${name}\n\nRaw <img src="missing.png" onerror="${probe(`${name}-md-onerror`)}"> and <a href="javascript:${probe(`${name}-md-link`)}" id="js-link">a link</a>.`),
    codeCell('b', 'show()', [
      {output_type: 'display_data', metadata: {}, data: {'text/html': `<b>html</b><script>${probe(`${name}-html-script`)}</script><img src="missing.png" onerror="${probe(`${name}-html-onerror`)}">`}},
      {output_type: 'display_data', metadata: {}, data: {'image/svg+xml': svg(name)}},
      {output_type: 'display_data', metadata: {}, data: {'application/javascript': probe(`${name}-js-output`)}},
    ]),
  ])
}

describe.skipIf(!hasChromium)('scripts in notebooks, in chromium', () => {
  let browser: Browser

  /** Open each page of a built course, click its links, and note which probes fired. */
  async function visit(trust: 'author' | 'untrusted'): Promise<string[]> {
    const course = tempCourse('cb-scripts-')
    course.write('week-1/01-page.ipynb', page(trust))
    const result = await buildCourse(course.root, {trust})
    const site = await serveSite(result.outPath)
    const fired: string[] = []
    const context = await browser.newContext()
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url())
      if (url.pathname.startsWith('/ran/')) fired.push(url.pathname.slice(5))
      return url.origin === site.origin ? route.continue() : route.abort()
    })
    const tab = await context.newPage()
    tab.on('dialog', (dialog) => void dialog.dismiss())
    await tab.goto(`${site.origin}/week-1/01-page.html`, {waitUntil: 'load'})
    const images = await tab.$$eval('.output-image img', (imgs) => imgs.map((img) => (img as {naturalWidth: number}).naturalWidth))
    expect(images).toEqual([40])
    if (await tab.locator('#js-link[href]').count()) await tab.click('#js-link')
    await tab.waitForTimeout(300)
    await context.close()
    await site.close()
    return fired.sort()
  }

  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => browser?.close())

  it("author mode runs the course team's HTML scripts (so the probe works), but never an SVG output's or a JavaScript output", async () => {
    const fired = await visit('author')
    expect(fired).toContain('author-html-script')
    expect(fired.filter((name) => /svg|js-output/.test(name))).toEqual([])
  }, 60_000)

  it('untrusted mode runs nothing at all, even when the reader clicks the links', async () => {
    expect(await visit('untrusted')).toEqual([])
  }, 60_000)
})

import {createServer, type Server} from 'node:http'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {extname, join, normalize, sep} from 'node:path'
import type {AddressInfo} from 'node:net'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {chromium} from 'playwright-core'

// Callbacks given to page.evaluate run in the browser. The project compiles
// without the DOM library, so the browser globals they use are declared here,
// loosely and for this module only.
declare const document: any
declare const window: any
declare function getComputedStyle(element: any): any


/** Debian's chromium; the browser tests are skipped where it is not installed. */
export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

/** Start the system chromium headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ipynb': 'application/x-ipynb+json',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
}

/**
 * Serve a built site on 127.0.0.1 (a random free port): files only, folders
 * answer with their `index.html`, anything outside the folder is a 404. This
 * is the simplest static host a site can be put on.
 */
export async function serveSite(dir: string): Promise<{origin: string; close(): Promise<void>}> {
  const server: Server = createServer((request, response) => {
    let path: string
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    } catch {
      response.writeHead(400).end()
      return
    }
    let file = normalize(join(dir, path))
    if (file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(404).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, {'content-type': 'text/plain'}).end('not found')
      return
    }
    response.writeHead(200, {'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'})
    response.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))}
}

/** Problems a page caused: console errors, uncaught exceptions, failed or 4xx/5xx requests, requests to another host. */
export interface PageProblems {
  console: string[]
  failed: string[]
  foreign: string[]
}

/**
 * A browser context that refuses every request to a host other than the
 * site's (recording it) and collects each page's problems.
 */
export async function siteContext(browser: Browser, origin: string): Promise<{context: BrowserContext; problems: PageProblems; watch(page: Page): Page}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}})
  const problems: PageProblems = {console: [], failed: [], foreign: []}
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue()
    problems.foreign.push(url)
    return route.abort('blockedbyclient')
  })
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.console.push(`${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.console.push(`${page.url()}: ${error.message}`))
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(origin)) problems.failed.push(`${request.url()}: ${request.failure()?.errorText}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.failed.push(`${response.url()}: HTTP ${response.status()}`)
    })
    return page
  }
  return {context, problems, watch}
}

/** WCAG relative luminance of an `rgb()`/`rgba()` colour. */
function luminance([r, g, b]: number[]): number {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!)
}

/** WCAG contrast ratio of two colours given as `[r, g, b]`. */
export function contrastRatio(a: number[], b: number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/**
 * For each element matching `selector` that shows text, its text colour and
 * the colour behind it (the nearest ancestor with an opaque background), as
 * computed in the page.
 */
export function textColours(page: Page, selector: string): Promise<Array<{text: string; color: number[]; background: number[]}>> {
  return page.$$eval(selector, (elements) => {
    const parse = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number)
    const backgroundOf = (element: any): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const rgba = parse(getComputedStyle(node).backgroundColor)
        if (rgba.length === 3 || (rgba.length === 4 && rgba[3]! >= 0.99)) return rgba.slice(0, 3)
      }
      // Nothing opaque up to the root: the canvas, which the theme never leaves transparent (the test would show it).
      return [-1, -1, -1]
    }
    return elements
      .filter((element) => (element.textContent ?? '').trim() !== '' && element.offsetParent !== null)
      .map((element) => ({
        text: (element.textContent ?? '').trim().slice(0, 40),
        color: parse(getComputedStyle(element).color).slice(0, 3),
        background: backgroundOf(element),
      }))
  })
}

import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot, siteFiles} from './helpers.js'

// Worker threads run compiled JavaScript only, so these drive the compiled package in lib/: the modules
// tsc writes (lib/src), and the bundle the CLI runs (lib/bundle).
const entries = {modules: join(projectRoot, 'lib/src/index.js'), bundle: join(projectRoot, 'lib/bundle/index.js')}

describe.each(Object.entries(entries))('building on worker threads, from the %s', (_name, compiled) => {
  it.skipIf(!existsSync(compiled))('writes a site byte for byte identical to a build on the main thread alone', async () => {
    const {build, loadConfig} = (await import(pathToFileURL(compiled).href)) as typeof import('../../src/index.js')
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const single = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-w0-')), workers: 0, cache: false})
    const parallel = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-w2-')), workers: 2, cache: false})
    const helped = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-h1-')), workers: 0, highlightHelper: true, cache: false})
    const a = siteFiles(single.outPath)
    for (const other of [parallel, helped]) {
      expect(other.rendered).toHaveLength(other.pages.length)
      expect(other.diagnostics).toEqual(single.diagnostics)
      const b = siteFiles(other.outPath)
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
      for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true)
    }
  })
})

// A helper that answers nothing still gives the site above: this checks that it answers, and with what the main thread would make.
describe.each(Object.entries({modules: 'lib/src/render/html', bundle: 'lib/bundle'}))('the highlighting helper, from the %s', (_name, folder) => {
  it.skipIf(!existsSync(join(projectRoot, folder, 'highlight-worker.js')))('highlights every page’s predicted code ahead, as the main thread would', async () => {
    const {startHighlightHelper, aheadHtml, aheadReady} = await import('../../src/render/html/highlight-ahead.js')
    const {predictCode} = await import('../../src/render/html/predict-code.js')
    const {getHighlighter, highlightKey, highlightToHtml} = await import('../../src/render/html/highlight.js')
    const {loadConfig} = await import('../../src/config/load.js')
    const {discoverCourse} = await import('../../src/load/discover.js')
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const pages = discoverCourse(config, () => undefined).pages.map(({path, kind}) => ({path, kind}))
    const helper = startHighlightHelper(join(projectRoot, folder, 'highlight-worker.js'))!
    try {
      helper.send(pages)
      let blocks = 0
      for (const {path, kind} of pages) {
        await aheadReady(path)
        for (const {lang, code} of predictCode(readFileSync(path, 'utf8'), kind)) {
          blocks++
          expect(aheadHtml(highlightKey(lang, code)), code).toBe(highlightToHtml(await getHighlighter([lang]), code, lang))
        }
      }
      expect(blocks).toBeGreaterThan(20)
    } finally {
      await helper.close()
    }
    expect(aheadHtml(highlightKey('python', 'import numpy as np'))).toBeUndefined()
  })
})

// The pool renders a crashed worker's pages on the main thread, so the builds above pass even with a broken worker.
describe.skipIf(!existsSync(join(projectRoot, 'lib/bundle/page-worker.js')))('the bundle’s page worker', () => {
  it('starts on its own thread and answers a page with its rendered result', async () => {
    const {Worker} = await import('node:worker_threads')
    const {loadConfig} = await import('../../src/config/load.js')
    const {discoverCourse} = await import('../../src/load/discover.js')
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const course = discoverCourse(config, () => undefined)
    const page = course.pages.find((p) => p.kind === 'notebook')!
    const worker = new Worker(join(projectRoot, 'lib/bundle/page-worker.js'))
    try {
      const reply = new Promise<{relPath: string; result?: {title: string; body: string}}>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage({type: 'course', config, course})
      worker.postMessage({type: 'page', relPath: page.relPath})
      const {relPath, result} = await reply
      expect(relPath).toBe(page.relPath)
      expect(result?.title).toBeTruthy()
      expect(result?.body).toContain('class="shiki')
    } finally {
      await worker.terminate()
    }
  })
})

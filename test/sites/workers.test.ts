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
    const helped = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-h1-')), workers: 0, helperThread: true, cache: false})
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
describe.each(Object.entries({modules: 'lib/src/pipeline/ahead', bundle: 'lib/bundle'}))('the helper thread, from the %s', (_name, folder) => {
  it.skipIf(!existsSync(join(projectRoot, folder, 'ahead-worker.js')))('parses and highlights every page ahead, as the main thread would', async () => {
    const {startAheadHelper} = await import('../../src/pipeline/ahead/index.js')
    const {preparedCode, preparedMarkdown} = await import('../../src/pipeline/ahead/prepared.js')
    const {predict} = await import('../../src/pipeline/ahead/predict.js')
    const {getHighlighter, highlightKey, highlightToHtml} = await import('../../src/render/html/highlight.js')
    const {parseMarkdownBlocks, parseMarkdownSource} = await import('../../src/parse/markdown.js')
    const {loadConfig} = await import('../../src/config/load.js')
    const {discoverCourse} = await import('../../src/load/discover.js')
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const pages = discoverCourse(config, () => undefined).pages
    const helper = startAheadHelper(join(projectRoot, folder, 'ahead-worker.js'))!
    const trees: Array<{kind: 'page' | 'blocks'; text: string; tree: unknown}> = []
    let blocks = 0
    try {
      const schedule = helper.schedule(pages)
      // Asked only once the helper has parsed the last page, so it has claimed every page.
      const last = predict(readFileSync(pages.at(-1)!.path, 'utf8'), pages.at(-1)!.kind).markdown[0]!
      while (!preparedMarkdown(last.kind, last.text)) await new Promise((resolve) => setTimeout(resolve, 20))
      for (let page = await schedule.next(); page; page = await schedule.next()) {
        const predicted = predict(readFileSync(page.path, 'utf8'), page.kind)
        for (const {kind, text} of predicted.markdown) {
          const tree = preparedMarkdown(kind, text)
          if (tree) trees.push({kind, text, tree})
        }
        for (const {lang, code} of predicted.code) {
          blocks++
          expect(preparedCode(highlightKey(lang, code)), code).toBe(highlightToHtml(await getHighlighter([lang]), code, lang))
        }
      }
    } finally {
      await helper.close()
    }
    expect(blocks).toBeGreaterThan(20)
    expect(trees.length).toBeGreaterThan(30)
    // Parsed here, now that nothing prepared is left to find.
    for (const {kind, text, tree} of trees) expect(tree, text).toEqual(kind === 'page' ? parseMarkdownSource(text) : parseMarkdownBlocks(text))
    expect(preparedCode(highlightKey('python', 'import numpy as np'))).toBeUndefined()
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

import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync} from 'node:fs'
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
    expect(parallel.rendered).toHaveLength(parallel.pages.length)
    expect(parallel.diagnostics).toEqual(single.diagnostics)
    const a = siteFiles(single.outPath)
    const b = siteFiles(parallel.outPath)
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true)
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

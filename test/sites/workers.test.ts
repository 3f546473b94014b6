import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot, siteFiles} from './helpers.js'

// Worker threads run compiled JavaScript only, so this drives the compiled package in lib/.
const compiled = join(projectRoot, 'lib/src/index.js')

describe.skipIf(!existsSync(compiled))('building on worker threads', () => {
  it('writes a site byte for byte identical to a build on the main thread alone', async () => {
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

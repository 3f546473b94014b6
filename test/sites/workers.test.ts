import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot} from './helpers.js'

// Worker threads run compiled JavaScript only, so this drives the compiled package in lib/.
const compiled = join(projectRoot, 'lib/src/index.js')

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.set(relative(dir, path), readFileSync(path))
    }
  }
  walk(dir)
  return out
}

describe.skipIf(!existsSync(compiled))('building on worker threads', () => {
  it('writes a site byte for byte identical to a build on the main thread alone', async () => {
    const {build, loadConfig} = (await import(pathToFileURL(compiled).href)) as typeof import('../../src/index.js')
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const single = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-w0-')), workers: 0, cache: false})
    const parallel = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-w2-')), workers: 2, cache: false})
    expect(parallel.rendered).toHaveLength(parallel.pages.length)
    expect(parallel.diagnostics).toEqual(single.diagnostics)
    const a = files(single.outPath)
    const b = files(parallel.outPath)
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true)
  })
})

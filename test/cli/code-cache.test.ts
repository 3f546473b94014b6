import {describe, expect, it, onTestFinished} from 'vitest'
import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot} from '../sites/helpers.js'
import * as api from '../../src/index.js'

const bundle = join(projectRoot, 'lib', 'bundle')
const compiled = existsSync(join(bundle, 'core.cjs'))

/** Run an ES module snippet in a fresh Node with the given V8 flags; returns its stdout. */
function node(flags: string[], code: string): string {
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}})
}

const loader = pathToFileURL(join(bundle, 'core-loader.js')).href
const entry = pathToFileURL(join(bundle, 'index.js')).href

/** The compiled bundle the CLI runs (`npm run compile` makes it; skipped before that). */
describe.skipIf(!compiled)('the CommonJS core and its code cache', () => {
  it('starts from the code cache made at compile time, and exports what src/index.ts does', () => {
    const out = JSON.parse(node([], `const l = await import(${JSON.stringify(loader)}); const m = await import(${JSON.stringify(entry)}); console.log(JSON.stringify({status: l.codeCacheStatus(), keys: Object.keys(m).sort(), same: m.build === l.loadCore().build}))`))
    expect(out.status).toBe('used')
    expect(out.keys).toEqual(Object.keys(api).sort())
    // The package entry (what a config's `import … from 'coursebook'` reaches) is the running instance, not a second one.
    expect(out.same).toBe(true)
  })

  it('builds the same site when V8 turns the cache down (other flags), only slower', () => {
    const sites = ['used', 'rejected'].map((expected) => {
      const out = mkdtempSync(join(tmpdir(), 'cb-core-'))
      const flags = expected === 'rejected' ? ['--stack-size=2000'] : []
      const status = node(flags, `const l = await import(${JSON.stringify(loader)}); const {build} = await import(${JSON.stringify(entry)}); const r = await build({configPath: ${JSON.stringify(join(projectRoot, 'site.config.ts'))}, outDir: ${JSON.stringify(out)}, cache: false}); console.log(l.codeCacheStatus(), r.pages.length)`)
      expect(status.trim()).toMatch(new RegExp(`^${expected} \\d+$`))
      return out
    })
    const page = 'week-01-getting-started/index.html'
    expect(readFileSync(join(sites[1]!, page), 'utf8')).toBe(readFileSync(join(sites[0]!, page), 'utf8'))
  }, 120_000)

  it('does not use a cache made from another bundle, even one of the same length (V8 would only compare lengths)', () => {
    // Inside the project, where the bundle's external packages resolve.
    const copy = mkdtempSync(join(projectRoot, 'lib', '.bundle-copy-'))
    onTestFinished(() => rmSync(copy, {recursive: true, force: true}))
    cpSync(bundle, copy, {recursive: true})
    const core = join(copy, 'core.cjs')
    const source = readFileSync(core, 'utf8')
    // Same length, other code: a string in the bundle changes one letter.
    const edited = source.replace('__coursebookImport("chokidar")', '__coursebookImport("chokidaR")')
    expect(edited.length).toBe(source.length)
    expect(edited).not.toBe(source)
    writeFileSync(core, edited)
    const status = (flags: string[]) => node(flags, `const l = await import(${JSON.stringify(pathToFileURL(join(copy, 'core-loader.js')).href)}); console.log(l.codeCacheStatus())`).trim()
    expect(status([])).toBe('stale')
    writeFileSync(core, source)
    expect(status([])).toBe('used')
  })

  it('keeps no import() of its own: the ones it needs go through the loader', () => {
    const source = readFileSync(join(bundle, 'core.cjs'), 'utf8')
    expect(source).toContain('__coursebookImport("chokidar")')
    expect(source).not.toMatch(/[^\w.]import\(["']/)
  })
})

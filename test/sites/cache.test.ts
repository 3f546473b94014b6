import {describe, expect, it} from 'vitest'
import {cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../../src/pipeline/run.js'
import {loadConfig} from '../../src/config/load.js'
import {projectRoot, siteFiles} from './helpers.js'


/** A copy of the sample course, so the test can edit it and own its cache. */
async function sampleCopy() {
  const root = mkdtempSync(join(tmpdir(), 'cb-cache-'))
  cpSync(join(projectRoot, 'content'), join(root, 'content'), {recursive: true})
  writeFileSync(join(root, 'site.config.ts'), `export default {code: 'TM258', title: 'Modelling Dynamic Systems with Python', binder: {repo: 'a/b'}}\n`)
  const {config} = await loadConfig(join(root, 'site.config.ts'))
  return {root, config}
}

describe('the persistent page cache', () => {
  it('re-renders nothing on a second build, and its site is byte for byte the clean build\'s', async () => {
    const {root, config} = await sampleCopy()
    const clean = await build({config, outDir: join(root, 'clean'), cache: false})
    const first = await build({config, outDir: join(root, 'first')})
    expect(first.rendered).toHaveLength(first.pages.length)
    const second = await build({config, outDir: join(root, 'second')})
    expect(second.rendered).toEqual([])
    expect(second.diagnostics).toEqual(clean.diagnostics)
    const expected = siteFiles(clean.outPath)
    const actual = siteFiles(second.outPath)
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true)
  })

  it('re-renders only the edited notebook', async () => {
    const {root, config} = await sampleCopy()
    await build({config})
    const path = join(root, 'content/week-01-getting-started/02-python-refresher.ipynb')
    const notebook = JSON.parse(readFileSync(path, 'utf8'))
    notebook.cells[0].source = [...[notebook.cells[0].source].flat(), '\n\nAn added sentence.']
    writeFileSync(path, JSON.stringify(notebook))
    const after = await build({config})
    expect(after.rendered).toEqual(['week-01-getting-started/02-python-refresher.ipynb'])
    expect(readFileSync(join(after.outPath, 'week-01-getting-started/02-python-refresher.html'), 'utf8')).toContain('An added sentence.')
  })

  it('re-renders the pages that show an image when the image changes, and a page whose missing link target appears', async () => {
    const {root, config} = await sampleCopy()
    writeFileSync(join(root, 'content/week-01-getting-started/01-welcome.md'), readFileSync(join(root, 'content/week-01-getting-started/01-welcome.md'), 'utf8') + '\n\nSee [later](later.md).\n')
    const first = await build({config})
    expect(first.diagnostics.some((d) => d.ruleId === 'link-target-missing')).toBe(true)
    writeFileSync(join(root, 'content/week-01-getting-started/later.md'), '# Later\n')
    const second = await build({config})
    expect(second.rendered.sort()).toEqual(['week-01-getting-started/01-welcome.md', 'week-01-getting-started/later.md'])
    expect(second.diagnostics.some((d) => d.ruleId === 'link-target-missing')).toBe(false)
    const svg = join(root, 'content/week-02-modelling-motion/images/block-diagram.svg')
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('</svg>', '<!-- edited --></svg>'))
    const third = await build({config})
    expect(third.rendered.length).toBeGreaterThan(0)
    expect(third.rendered.every((p) => p.startsWith('week-02-modelling-motion/'))).toBe(true)
  })

  it('treats corrupt cache entries as misses and repairs them', async () => {
    const {root, config} = await sampleCopy()
    const first = await build({config})
    const dir = join(root, '.coursebook/cache/pages')
    const entries = readdirSync(dir)
    expect(entries.length).toBeGreaterThanOrEqual(first.pages.length)
    for (const name of entries) {
      const path = join(dir, name)
      writeFileSync(path, readFileSync(path).subarray(0, 100))
    }
    const after = await build({config})
    expect(after.rendered).toHaveLength(first.pages.length)
    expect((await build({config})).rendered).toEqual([])
  })

  it('is invalidated by a config change that affects pages', async () => {
    const {config} = await sampleCopy()
    await build({config})
    const changed = {...config, binder: {...config.binder!, ref: 'release'}}
    const after = await build({config: changed})
    expect(after.rendered).toHaveLength(after.pages.length)
  })
})

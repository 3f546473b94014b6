import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {Element, Root} from 'hast'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {loadConfig} from '../../src/config/load.js'
import {projectRoot, readPage} from './helpers.js'

/** The README's promise: the sample course in content/ builds into a complete site. */
describe('the sample course', () => {
  let result: BuildResult
  const page = (outPath: string): Root => readPage(result, outPath)

  beforeAll(async () => {
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    result = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-sample-'))})
  })

  it('builds with no errors and no warnings', () => {
    const problems = result.diagnostics.filter((d) => d.severity !== 'info')
    expect(problems).toEqual([])
  })

  it('has a course home listing every unit, and a page per unit listing its pages', () => {
    const home = page('index.html')
    expect(toString(select('main', home)!)).toContain('TM258')
    const unitLinks = selectAll('main a[href$="/index.html"]', home).map((a) => a.properties.href)
    expect(new Set(unitLinks)).toEqual(new Set(['week-01-getting-started/index.html', 'week-02-modelling-motion/index.html', 'week-03-signals-and-spectra/index.html']))
    const unit = page('week-02-modelling-motion/index.html')
    const listed = selectAll('main a', unit).map((a) => String(a.properties.href))
    for (const source of result.pages.filter((p) => p.source.unit.slug === 'week-02-modelling-motion')) {
      expect(listed).toContain(source.source.outPath.replace('week-02-modelling-motion/', ''))
    }
  })

  it('builds every notebook and Markdown page of content/', () => {
    expect(result.pages.filter((p) => p.source.kind === 'notebook')).toHaveLength(6)
    expect(result.pages.filter((p) => p.source.kind === 'markdown').length).toBeGreaterThanOrEqual(5)
    for (const p of result.pages) expect(existsSync(join(result.outPath, p.source.outPath))).toBe(true)
  })

  it('gives each notebook a Binder link that opens exactly that notebook, and a download of it', () => {
    const tree = page('week-02-modelling-motion/03-1-the-trolley-model-optional.html')
    const binder = select('a.button-binder', tree)!
    const href = new URL(String(binder.properties.href))
    expect(href.origin + href.pathname).toBe('https://mybinder.org/v2/gh/coursebook-dev/coursebook/main')
    expect(href.searchParams.get('labpath')).toBe('content/week-02-modelling-motion/03.1 The trolley model (optional).ipynb')
    const download = selectAll('a[download]', tree)[0]!
    const notebook = join(result.outPath, 'week-02-modelling-motion', String(download.properties.href))
    expect(JSON.parse(readFileSync(notebook, 'utf8')).nbformat).toBe(4)
  })

  it('gives plain Markdown pages no launch link', () => {
    expect(select('a.button-binder', page('week-01-getting-started/01-welcome.html'))).toBeUndefined()
  })

  it('shows every kind of notebook output', () => {
    const data = page('week-01-getting-started/03-working-with-data.html')
    expect(select('.output-html table.dataframe', data)).toBeTruthy()
    const img = select('.output-image img', data)!
    expect(String(img.properties.src)).toMatch(/^03-working-with-data_files\/[0-9a-f]{12}\.png$/)
    expect(existsSync(join(result.outPath, 'week-01-getting-started', String(img.properties.src)))).toBe(true)
    const refresher = page('week-01-getting-started/02-python-refresher.html')
    expect(select('.output-stderr', refresher)).toBeTruthy()
    expect(select('.output-error .ansi-red-fg', refresher)).toBeTruthy()
    expect(select('.output-latex .katex', page('week-02-modelling-motion/02-simulating-the-trolley.html'))).toBeTruthy()
    expect(select('.output-markdown table', page('week-03-signals-and-spectra/02-fourier-series.html'))).toBeTruthy()
  })

  it('applies cell tags: remove-cell is gone from the HTML, hide-input is collapsed', () => {
    const trolley = page('week-02-modelling-motion/02-simulating-the-trolley.html')
    const notebook = JSON.parse(readFileSync(join(projectRoot, 'content/week-02-modelling-motion/02-simulating-the-trolley.ipynb'), 'utf8'))
    const removed = notebook.cells.find((c: {metadata: {tags?: string[]}}) => c.metadata.tags?.includes('remove-cell'))
    const removedText = [removed.source].flat().join('').trim().split('\n')[0]
    expect(toString(trolley)).not.toContain(removedText)
    expect(select('details.cell-hidden > summary', trolley)).toBeTruthy()
  })

  it('typesets equations and highlights code', () => {
    const md = page('week-02-modelling-motion/01-the-mass-spring-damper.html')
    expect(selectAll('.katex', md).length).toBeGreaterThan(3)
    expect(select('.math-error', md)).toBeUndefined()
    expect(select('pre.shiki', page('week-01-getting-started/02-python-refresher.html'))).toBeTruthy()
  })

  it('rewrites a relative link to a notebook in another unit to its built page', () => {
    const links = selectAll('main a', page('week-03-signals-and-spectra/01-sampling-and-aliasing.html')).map((a) => String(a.properties.href))
    const all = [...result.pages.map((p) => p.source.outPath), 'week-01-getting-started/index.html', 'week-02-modelling-motion/index.html', 'week-03-signals-and-spectra/index.html']
    const crossUnit = links.filter((h) => h.startsWith('../week-'))
    expect(crossUnit.length).toBeGreaterThan(0)
    for (const href of crossUnit) expect(all).toContain(decodeURIComponent(href.replace(/^\.\.\//, '').split('#')[0]!))
  })

  it('makes no request outside the site: every src and stylesheet is relative and exists', () => {
    for (const p of [...result.pages.map((x) => x.source.outPath), 'index.html']) {
      const tree = page(p)
      const local = [...selectAll('[src]', tree).map((e: Element) => String(e.properties.src)), ...selectAll('link[rel~=stylesheet]', tree).map((e) => String(e.properties.href))]
      for (const url of local) {
        expect(url, `${p}: ${url}`).not.toMatch(/^(https?:)?\/\//)
        const target = join(result.outPath, p, '..', decodeURIComponent(url.split(/[?#]/)[0]!))
        expect(existsSync(target), `${p}: ${url}`).toBe(true)
      }
    }
    expect(existsSync(join(result.outPath, 'assets/katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true)
  })

  it('carries every file its stylesheets load, and KaTeX\'s fonts as WOFF2 alone', () => {
    // The TikZ stylesheet names every Computer Modern face; a page's diagrams bring the files of those they use.
    const sheets = selectAll('link[rel~=stylesheet]', page('index.html'))
      .map((e) => join(result.outPath, String(e.properties.href)))
      .filter((sheet) => !sheet.endsWith('tikz.css'))
    expect(sheets.length).toBeGreaterThan(1)
    for (const sheet of sheets) {
      const css = readFileSync(sheet, 'utf8')
      for (const [, url] of css.matchAll(/url\(["']?([^)"']+)["']?\)/g)) {
        if (url!.startsWith('data:')) continue
        expect(existsSync(join(sheet, '..', url!)), `${sheet}: ${url}`).toBe(true)
      }
    }
    const katex = readFileSync(join(result.outPath, 'assets/katex/katex.min.css'), 'utf8')
    const faces = katex.match(/@font-face\{[^}]*\}/g) ?? []
    expect(faces.length).toBeGreaterThan(15)
    for (const face of faces) expect(face.match(/url\(([^)]+)\)/g), face).toEqual([expect.stringMatching(/\.woff2\)$/)])
    const fonts = readdirSync(join(result.outPath, 'assets/katex/fonts'))
    expect(fonts.length).toBe(faces.length)
    expect(fonts.every((f) => f.endsWith('.woff2'))).toBe(true)
  })
})

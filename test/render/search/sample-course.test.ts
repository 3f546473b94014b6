import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type MiniSearch from 'minisearch'
import {select, selectAll} from 'hast-util-select'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {loadConfig} from '../../../src/config/load.js'
import type {SearchData} from '../../../src/render/search/index.js'
import {projectRoot, readPage} from '../../sites/helpers.js'
import {loadSiteIndex, pagesFound} from './helpers.js'

describe('the search index of the sample course', () => {
  let result: BuildResult
  let data: SearchData
  let index: MiniSearch

  beforeAll(async () => {
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    result = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-search-')), cache: false})
    ;({data, index} = loadSiteIndex(result.outPath))
  })

  it('finds a word written only in a Markdown cell of one notebook, and returns that page at its section', () => {
    // "masquerading" appears once in content/, in a Markdown cell of the FFT notebook.
    const results = index.search('masquerading')
    expect(pagesFound(data, results)).toEqual(new Set(['week-03-signals-and-spectra/03-the-fft-in-practice.html']))
    const [best] = results
    expect(best!.a).not.toBe('')
    const page = readPage(result, 'week-03-signals-and-spectra/03-the-fft-in-practice.html')
    const heading = select(`[id="${best!.a}"]`, page)
    expect(heading?.tagName).toMatch(/^h[23]$/)
    expect(best!.t).toContain('masquerading')
  })

  it('finds words by prefix and with a typo, as the search page asks', () => {
    const options = {prefix: (term: string) => term.length >= 3, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false)}
    expect(pagesFound(data, index.search('masquerad', options))).toContain('week-03-signals-and-spectra/03-the-fft-in-practice.html')
    expect(pagesFound(data, index.search('masquereding', options))).toContain('week-03-signals-and-spectra/03-the-fft-in-practice.html')
  })

  it('covers every page and every unit overview, each with its unit, linking to files the site has', () => {
    const hrefs = data.pages.map(([, , href]) => href)
    for (const page of result.pages) expect(hrefs).toContain(page.source.outPath)
    for (const unit of new Set(result.pages.map((p) => p.source.unit.slug))) expect(hrefs).toContain(`${unit}/index.html`)
    for (const href of hrefs) expect(existsSync(join(result.outPath, decodeURIComponent(href))), href).toBe(true)
    const [title, unit] = data.pages.find(([, , href]) => href === 'week-02-modelling-motion/02-simulating-the-trolley.html')!
    expect(title).toBe('Simulating the trolley')
    expect(data.units[unit]).toMatch(/^Week 2/)
  })

  it('links every section to an id its page has', () => {
    const idsOf = new Map<string, unknown[]>()
    for (const stored of Object.values(data.index.storedFields) as Array<{p: number; a: string}>) {
      if (!stored.a) continue
      const href = data.pages[stored.p]![2]
      if (!idsOf.has(href)) idsOf.set(href, selectAll('[id]', readPage(result, href)).map((e) => e.properties.id))
      expect(idsOf.get(href), `${href}#${stored.a}`).toContain(stored.a)
    }
  })

  it('finds code, but not notebook outputs', () => {
    // `linspace` is called in code cells of four notebooks and named in no prose.
    expect(pagesFound(data, index.search('linspace'))).toEqual(
      new Set([
        'week-01-getting-started/03-working-with-data.html',
        'week-02-modelling-motion/02-simulating-the-trolley.html',
        'week-02-modelling-motion/03-1-the-trolley-model-optional.html',
        'week-03-signals-and-spectra/02-fourier-series.html',
      ]),
    )
    // "ipykernel" is only in the path of a warning a cell printed.
    expect(index.search('ipykernel')).toEqual([])
  })

  it('writes a search page that loads MiniSearch, the index and the search script from the site', () => {
    const page = readPage(result, 'search.html')
    const scripts = selectAll('script', page).map((s) => String(s.properties.src))
    expect(scripts).toEqual(['assets/search/minisearch.js', 'assets/search/index.js', 'assets/theme/search.js'])
    for (const src of scripts) expect(existsSync(join(result.outPath, src)), src).toBe(true)
    expect(select('noscript', page)).toBeTruthy()
    // Every other page has the search box, and no script.
    const notebook = readPage(result, 'week-02-modelling-motion/02-simulating-the-trolley.html')
    expect(select('form[role="search"]', notebook)?.properties.action).toBe('../search.html')
    expect(selectAll('script', notebook)).toHaveLength(0)
  })
})

import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {raw} from '../../src/render/layout/html.js'
import type {
  HomeLayoutData,
  LayoutContext,
  PageLayoutData,
  UnitLayoutData,
  UnitNav,
} from '../../src/render/layout/types.js'
import {theme} from '../../themes/default/index.js'
import {findAssetsDir} from '../../themes/default/assets-dir.js'
import {formatStudyTime} from '../../themes/default/layouts/format.js'

const MALICIOUS = '<script>alert(1)</script> & "quotes"'
const BINDER = 'https://mybinder.org/v2/gh/example/course/main?urlpath=lab/tree/week-02/c.ipynb'

const units: UnitNav[] = [
  {
    slug: 'week-01',
    title: 'Week 1: Getting started',
    summary: 'Meet Python and Jupyter notebooks.',
    studyTime: 210,
    learningOutcomes: ['run code in a notebook', 'explain what a kernel is'],
    href: 'week-01/index.html',
    pages: [
      {title: 'Welcome', href: 'week-01/a.html', kind: 'markdown', studyTime: 30},
      {title: MALICIOUS, href: 'week-01/b.html', kind: 'notebook', studyTime: 90},
    ],
  },
  {
    slug: 'week-02',
    title: 'Week 2: Data frames',
    summary: 'Load, clean and summarise tabular data with pandas.',
    studyTime: 120,
    learningOutcomes: ['load a CSV file into a data frame'],
    href: 'week-02/index.html',
    pages: [{title: 'Tidy data', href: 'week-02/c.html', kind: 'notebook', studyTime: 120}],
  },
]

function context(href: string, root: string): LayoutContext {
  return {
    root,
    href,
    units,
    stylesheets: ['assets/theme/theme.css'],
    course: {
      code: 'TM101',
      title: 'Introduction to Data',
      presentation: '2025J',
      description: 'A first course in working with data.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      language: 'en-GB',
      studyTime: 330,
    },
  }
}

function pageData(): PageLayoutData {
  return {
    ...context('week-01/b.html', '../'),
    unit: units[0]!,
    page: {
      title: MALICIOUS,
      kind: 'notebook',
      body: raw('<h2 id="setup">Setup</h2><p>Text.</p><h3 id="imports">Imports</h3><h2 id="plots">Plots</h2>'),
      headings: [
        {depth: 2, id: 'setup', text: 'Setup'},
        {depth: 3, id: 'imports', text: 'Imports'},
        {depth: 2, id: 'plots', text: 'Plots'},
      ],
      launch: [{type: 'binder', label: 'Launch on Binder', url: BINDER}],
      downloadHref: 'week-01/b.ipynb',
      meta: {},
      studyTime: 90,
    },
    prev: units[0]!.pages[0],
    next: units[1]!.pages[0],
  }
}

function renderTree(document: {value: string}): Root {
  return fromHtml(document.value)
}

// hast-util-to-string is not a dependency of this project; text content is simple enough.
function toString(node: Root | Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => toString(child as ElementContent)).join('')
  return ''
}

function attribute(node: Element | undefined, name: string): unknown {
  return node?.properties[name]
}

describe('default theme: page layout', () => {
  const tree = renderTree(theme.page(pageData()))

  it('has exactly one main#main and a skip link to it first in <body>', () => {
    expect(selectAll('main', tree)).toHaveLength(1)
    expect(select('main#main', tree)).toBeDefined()
    const body = select('body', tree)!
    const firstFocusable = select('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])', body)
    expect(attribute(firstFocusable, 'href')).toBe('#main')
    expect(firstFocusable?.properties.className).toContain('skip-link')
  })

  it('has header, course nav, aside and footer landmarks', () => {
    expect(select('body > header', tree)).toBeDefined()
    expect(select('nav[aria-label="Course"]', tree)).toBeDefined()
    expect(select('aside', tree)).toBeDefined()
    expect(select('body > footer', tree)).toBeDefined()
    expect(toString(select('footer', tree)!)).toContain('Ada Lovelace')
    expect(toString(select('footer', tree)!)).toContain('2025J')
  })

  it('sets the language and the document title', () => {
    expect(attribute(select('html', tree), 'lang')).toBe('en-GB')
    expect(toString(select('title', tree)!)).toBe(`${MALICIOUS} · TM101 Introduction to Data`)
  })

  it('marks exactly the current page in the course navigation and opens its unit', () => {
    const current = selectAll('[aria-current="page"]', tree)
    expect(current).toHaveLength(1)
    expect(attribute(current[0], 'href')).toBe('../week-01/b.html')
    expect(select('nav[aria-label="Course"]', tree)).toBeDefined()
    const openUnits = selectAll('nav[aria-label="Course"] .course-nav-unit details[open]', tree)
    expect(openUnits).toHaveLength(1)
    expect(toString(select('summary', openUnits[0]!)!)).toBe('Week 1: Getting started')
  })

  it('prefixes prev/next links and stylesheets with root', () => {
    expect(attribute(select('a[rel="prev"]', tree), 'href')).toBe('../week-01/a.html')
    expect(attribute(select('a[rel="next"]', tree), 'href')).toBe('../week-02/c.html')
    const sheets = selectAll('link[rel="stylesheet"]', tree)
    expect(sheets.map((sheet) => attribute(sheet, 'href'))).toEqual(['../assets/theme/theme.css'])
  })

  it('keeps the malicious title as text: no script element anywhere', () => {
    expect(selectAll('script', tree)).toHaveLength(0)
    expect(toString(select('main h1', tree)!)).toBe(MALICIOUS)
    expect(toString(select('.breadcrumb li:last-child', tree)!)).toBe(MALICIOUS)
  })

  it('links to Binder with exactly the given URL, and nowhere else off-site', () => {
    const binder = select('a.button-binder', tree)
    expect(attribute(binder, 'href')).toBe(BINDER)
    const external = selectAll('[href], [src]', tree).filter((node) =>
      /^(https?:)?\/\//.test(String(node.properties.href ?? node.properties.src)),
    )
    expect(external).toEqual([binder])
  })

  it('offers the notebook for download from the site root', () => {
    const download = select('a[download]', tree)
    expect(attribute(download, 'href')).toBe('../week-01/b.ipynb')
  })

  it('builds a nested table of contents from the headings', () => {
    const toc = select('aside', tree)!
    expect(selectAll('.toc-list > li > a', toc).map((a) => attribute(a, 'href'))).toEqual(['#setup', '#plots'])
    expect(selectAll('.toc-list > li > ol a', toc).map((a) => toString(a))).toEqual(['Imports'])
  })

  it('leads back through a breadcrumb: course, unit, page', () => {
    const crumbs = selectAll('nav[aria-label="Breadcrumb"] ol > li', tree)
    expect(crumbs.map((li) => toString(li))).toEqual(['TM101', 'Week 1: Getting started', MALICIOUS])
    expect(attribute(select('a', crumbs[1]!), 'href')).toBe('../week-01/index.html')
  })

  it('leaves out the aside and pager when a page has no headings, prev or next', () => {
    const data = pageData()
    const bare = renderTree(theme.page({...data, page: {...data.page, headings: [], launch: undefined}, prev: undefined, next: undefined}))
    expect(select('aside', bare)).toBeUndefined()
    expect(select('.pager', bare)).toBeUndefined()
    expect(select('.button-binder', bare)).toBeUndefined()
  })

  it('puts bodyEnd last in <body>', () => {
    const withReload = renderTree(theme.page({...pageData(), bodyEnd: raw('<template id="reload"></template>')}))
    const body = select('body', withReload)!
    const elements = body.children.filter((child): child is Element => child.type === 'element')
    expect(attribute(elements.at(-1), 'id')).toBe('reload')
  })
})

describe('default theme: unit layout', () => {
  const data: UnitLayoutData = {...context('week-01/index.html', '../'), unit: units[0]!, intro: raw('<p id="intro">Hello.</p>')}
  const tree = renderTree(theme.unit(data))

  it('lists the learning outcomes', () => {
    const outcomes = select('.learning-outcomes', tree)!
    expect(toString(outcomes)).toContain('After studying this unit, you should be able to:')
    expect(selectAll('li', outcomes).map((li) => toString(li))).toEqual(['run code in a notebook', 'explain what a kernel is'])
  })

  it('lists its pages with their kind and study time, linked from root', () => {
    const items = selectAll('.page-list > li', tree)
    expect(items.map((li) => attribute(select('a', li), 'href'))).toEqual(['../week-01/a.html', '../week-01/b.html'])
    expect(toString(items[0]!)).toContain('Reading')
    expect(toString(items[1]!)).toContain('Notebook')
    expect(toString(items[1]!)).toContain('1 h 30 min')
    expect(selectAll('script', tree)).toHaveLength(0)
  })

  it('shows the intro, links back home and marks its overview as current', () => {
    expect(select('main #intro', tree)).toBeDefined()
    expect(attribute(select('.back-link a', tree), 'href')).toBe('../index.html')
    const current = selectAll('[aria-current="page"]', tree)
    expect(current.map((node) => attribute(node, 'href'))).toEqual(['../week-01/index.html'])
    expect(toString(select('title', tree)!)).toBe('Week 1: Getting started · TM101 Introduction to Data')
  })
})

describe('default theme: home layout', () => {
  const data: HomeLayoutData = {...context('index.html', ''), intro: raw('<p id="welcome">Welcome to the course.</p>')}
  const tree = renderTree(theme.home(data))

  it('lists the units as cards with summaries, study times and page counts', () => {
    const cards = selectAll('.unit-cards > li', tree)
    expect(cards).toHaveLength(2)
    expect(cards.map((card) => attribute(select('a', card), 'href'))).toEqual(['week-01/index.html', 'week-02/index.html'])
    expect(toString(cards[0]!)).toContain('Meet Python and Jupyter notebooks.')
    expect(toString(cards[1]!)).toContain('Load, clean and summarise tabular data with pandas.')
    expect(toString(cards[0]!)).toContain('3 h 30 min')
    expect(toString(cards[0]!)).toContain('2 pages')
    expect(toString(cards[1]!)).toContain('1 page')
  })

  it('shows the course, its authors, study time and intro', () => {
    const main = select('main#main', tree)!
    expect(toString(select('h1', main)!)).toBe('Introduction to Data')
    expect(toString(main)).toContain('TM101')
    expect(toString(main)).toContain('A first course in working with data.')
    expect(toString(main)).toContain('Ada Lovelace and Alan Turing')
    expect(toString(main)).toContain('5 h 30 min')
    expect(select('#welcome', main)).toBeDefined()
    expect(toString(select('title', tree)!)).toBe('TM101 Introduction to Data')
  })

  it('uses the empty root for links and marks the home link as current', () => {
    expect(attribute(select('link[rel="stylesheet"]', tree), 'href')).toBe('assets/theme/theme.css')
    const current = selectAll('[aria-current="page"]', tree)
    expect(current.map((node) => attribute(node, 'href'))).toEqual(['index.html'])
    expect(selectAll('nav[aria-label="Course"] details[open]', tree)).toHaveLength(0)
  })
})

describe('default theme: formatting and assets', () => {
  it('formats study times as readers say them', () => {
    expect(formatStudyTime(45)).toBe('45 min')
    expect(formatStudyTime(120)).toBe('2 h')
    expect(formatStudyTime(210)).toBe('3 h 30 min')
  })

  it('points assetsDir at the folder that holds theme.css, from source or compiled output', () => {
    expect(theme.stylesheets).toEqual(['theme.css'])
    expect(existsSync(join(theme.assetsDir, 'theme.css'))).toBe(true)
    const compiled = new URL('../../lib/themes/default/index.js', import.meta.url).href
    expect(findAssetsDir(compiled)).toBe(theme.assetsDir)
  })
})

describe('default theme: theme.css', () => {
  const css = readFileSync(join(theme.assetsDir, 'theme.css'), 'utf8')

  it('requests nothing from outside the site', () => {
    expect(css).not.toMatch(/url\(\s*['"]?https?:/i)
    expect(css).not.toContain('@font-face')
    expect(css).not.toMatch(/url\(\s*['"]?\/\//)
    expect(css).not.toContain('@import')
  })

  it('has a dark colour scheme and a print stylesheet', () => {
    expect(css).toContain('prefers-color-scheme: dark')
    expect(css).toContain('@media print')
  })

  it('styles the classes the renderers emit', () => {
    for (const name of ['.cell-code', '.output-stderr', '.output-error', 'table.dataframe', '.ansi-bright-cyan-bg', '.shiki', '.katex-display', '.math-error', '.admonition.caution', 'details.cell-hidden > summary']) {
      expect(css, name).toContain(name)
    }
  })
})

import {afterAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {VFile} from 'vfile'
import type {Root} from 'mdast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {PageSource} from '../../../src/pipeline/types.js'
import type {TikzConfig} from '../../../src/config/schema.js'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../../src/parse/markdown.js'
import {parseNotebook} from '../../../src/parse/notebook/index.js'
import {cellTagsTransform} from '../../../src/transform/cell-tags.js'
import {outputFilesTransform} from '../../../src/transform/output-files.js'
import {tikzTransform} from '../../../src/transform/tikz/index.js'
import {closeEngines, renderStats} from '../../../src/transform/tikz/render.js'
import {danglingReferences} from '../../../src/transform/tikz/svg.js'
import {latexAvailable} from '../../../src/transform/tikz/engines/detect.js'
import {treeToHtml} from '../../../src/render/html/to-html.js'

/**
 * Real renders with node-tikzjax (no mocks): each takes 0.3–3 s, plus about
 * 3 s to start the engine, so this file keeps to a handful of diagrams.
 */
const root = mkdtempSync(join(tmpdir(), 'cb-tikz-'))
const config: TikzConfig = {engine: 'tikzjax', magic: 'auto', timeout: 60, showSource: false}

async function render(kind: 'markdown' | 'notebook', text: string, overrides: Partial<TikzConfig> = {}) {
  const path = join(root, kind === 'markdown' ? 'page.md' : 'page.ipynb')
  const file = new VFile({path, value: text})
  file.data.coursebook = {source: {outPath: 'week-01/page.html', path} as PageSource, frontmatter: {}, assets: [], dependencies: []}
  let tree: Root
  if (kind === 'markdown') tree = parseMarkdownSource(text)
  else {
    parseNotebook(file, {parseMarkdown: parseMarkdownBlocks})
    tree = file.data.coursebook.tree!
    cellTagsTransform(tree)
    outputFilesTransform(tree, file)
  }
  const before = renderStats.renders
  await tikzTransform(tree, file, {config: {...config, ...overrides}, root})
  const html = treeToHtml(tree, file)
  return {file, tree, html, hast: fromHtml(html, {fragment: true}), renders: renderStats.renders - before}
}

// Hatching, which node-tikzjax on its own leaves undefined.
const HATCHED = String.raw`\fill[pattern=north east lines] (0,0) rectangle (2,0.3);
\draw (0,0.3) -- (2,0.3) node[right] {$x_1$};`
const BROKEN = String.raw`\draw (0,0) -- (1,1)
\draw (0,0) circle (1);`

const page = (broken: string) => `# Diagrams

\`\`\`tikz alt="Hatched ground" caption="Figure 1 Ground." libraries=patterns
${HATCHED}
\`\`\`

The same drawing again:

\`\`\`tikz alt="Hatched ground again" libraries=patterns
${HATCHED}
\`\`\`

\`\`\`tikz alt="Broken"
${broken}
\`\`\`
`

afterAll(() => closeEngines())

describe('rendering with tikzjax, through the cache', () => {
  it('draws each diagram as an accessible figure; a TeX error is reported with its line while the others render', async () => {
    const {file, hast, html, renders} = await render('markdown', page(BROKEN))
    // The two identical diagrams are drawn once; the broken one fails in TeX.
    expect(renders).toBe(2)
    const figures = selectAll('figure.tikz', hast)
    expect(figures).toHaveLength(3)
    const [first, second] = selectAll('figure.tikz svg', hast)
    expect(first!.properties).toMatchObject({role: 'img', ariaLabel: 'Hatched ground'})
    expect(second!.properties).toMatchObject({role: 'img', ariaLabel: 'Hatched ground again'})
    expect(toString(select('figure.tikz figcaption', hast)!)).toBe('Figure 1 Ground.')

    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(4)
    expect(new Set(ids).size).toBe(ids.length)
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g)!) {
      expect(danglingReferences(svg)).toEqual([])
      expect(svg).toMatch(/<pattern [^>]*patternUnits/)
    }

    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['tikz-render-failed', 17]])
    expect(file.messages[0]!.reason).toBe(
      'TikZ diagram could not be rendered: Package tikz Error: Giving up on this path. Did you forget a semicolon?. (line 2: \\draw (0,0) circle (1);)',
    )
    const error = select('figure.tikz-error', hast)!
    expect(toString(select('pre code', error)!)).toBe(BROKEN)
    expect(file.data.coursebook!.assets.map((a) => a.outPath)).toEqual(
      [expect.stringMatching(/^week-01\/page_files\/[0-9a-f]{12}\.svg$/), expect.stringMatching(/\.svg$/), 'assets/tikz/fonts/cmmi10.ttf', 'assets/tikz/fonts/cmr7.ttf', 'assets/tikz/fonts/LICENCE'],
    )
  })

  it('renders nothing the second time, and only the edited diagram after an edit', async () => {
    const again = await render('markdown', page(BROKEN))
    expect(again.renders).toBe(0)
    expect(again.file.messages.map((m) => m.ruleId)).toEqual(['tikz-render-failed'])
    const edited = await render('markdown', page(BROKEN.replace('(1,1)', '(1,1);')))
    expect(edited.renders).toBe(1)
    expect(edited.file.messages).toEqual([])
    expect(selectAll('figure.tikz svg', edited.hast)).toHaveLength(3)
  })

  it('draws a damaged cache entry again', async () => {
    const dir = join(root, '.coursebook/cache/tikz')
    const entries = readdirSync(dir).map((name) => join(dir, name))
    expect(entries.length).toBe(3)
    // Cut each entry short, as a crash mid-write would (entries are written atomically, so this is damage).
    for (const entry of entries) writeFileSync(entry, readFileSync(entry).subarray(0, Math.floor(readFileSync(entry).length / 2)))
    const {renders, file} = await render('markdown', page(BROKEN))
    expect(renders).toBe(2)
    expect(file.messages.map((m) => m.ruleId)).toEqual(['tikz-render-failed'])
  })

  it('stops a runaway diagram at the timeout, and the others (here a standalone document) still render', async () => {
    const standalone = '\\documentclass[tikz,border=2pt]{standalone}\n\\usepackage[utf8]{inputenc}\n\\begin{document}\n\\tikz\\fill (0,0) circle (2pt);\n\\end{document}'
    const source = `\`\`\`tikz alt="Never ends"\n\\def\\forever{\\forever}\\forever\n\`\`\`\n\n\`\`\`tikz alt="A dot"\n${standalone}\n\`\`\`\n`
    const started = Date.now()
    const {file, hast} = await render('markdown', source, {timeout: 2})
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(file.messages.map((m) => [m.ruleId, m.reason])).toEqual([['tikz-timeout', 'TikZ diagram took longer than 2 s to render and was stopped']])
    expect(selectAll('figure.tikz svg', hast)).toHaveLength(1)
    expect(select('figure.tikz-error pre', hast)).toBeTruthy()
  })
})

describe('references the engine leaves dangling', () => {
  it('are drawn with latex when it is installed, and reported as possibly blank when not', async () => {
    // Raw SVG pointing at a definition nothing writes: what node-tikzjax used to do for hatching.
    const source = '```tikz alt="Dangling" preamble="\\makeatletter"\n\\draw (0,0) -- (1,1);\n\\pgfsys@invoke{<path fill=\"url(\\#nowhere)\" d=\"M0 0h9v9z\"/>}\n```\n'
    const {file, hast} = await render('markdown', source)
    expect(select('figure.tikz svg', hast)).toBeTruthy()
    if (latexAvailable()) {
      expect(file.messages.map((m) => m.ruleId)).toEqual(['tikz-pattern-fallback'])
    } else {
      expect(file.messages.map((m) => [m.ruleId, m.reason])).toEqual([
        ['tikz-pattern-missing', 'TikZ diagram refers to fills the tikzjax engine did not write (nowhere); those areas may show blank'],
      ])
    }
  })
})

describe('%%tikz cells', () => {
  const stalePng = 'iVBORw0KGgoBAgM='
  const notebook = (cells: unknown[]) =>
    JSON.stringify({nbformat: 4, nbformat_minor: 5, metadata: {language_info: {name: 'python'}}, cells: cells.map((cell, i) => ({id: `c${i}`, metadata: {}, ...(cell as object)}))})
  const code = (source: string, outputs: unknown[] = []) => ({cell_type: 'code', execution_count: 1, source, outputs})

  it('become their drawing: saved outputs replaced, source collapsed, alt from a comment line', async () => {
    const {file, tree, hast} = await render(
      'notebook',
      notebook([
        code('%%tikz -l patterns\n% alt: Hatched ground\n' + HATCHED, [{output_type: 'display_data', data: {'image/png': stalePng}, metadata: {}}]),
        code('%%tikz -x $preamble\n\\draw (0,0) -- (1,1);', [{output_type: 'display_data', data: {'text/plain': 'saved'}, metadata: {}}]),
      ]),
    )
    expect(file.messages.map((m) => [m.ruleId, m.cell])).toEqual([['tikz-skipped', 1]])
    const [drawn, skipped] = tree.children as Array<{children: Array<{type: string}>; display?: {input: string}; language: string}>
    expect(drawn!.children.map((c) => c.type)).toEqual(['tikzFigure'])
    expect(drawn!.display?.input).toBe('hide')
    expect(drawn!.language).toBe('latex')
    expect(skipped!.children.map((c) => c.type)).toEqual(['notebookOutput'])
    expect(select('#cell-1 details.cell-hidden > summary', hast)).toBeTruthy()
    expect(select('#cell-1 .cell-outputs figure.tikz svg', hast)?.properties).toMatchObject({role: 'img', ariaLabel: 'Hatched ground'})
    // The stale PNG is no longer written into the site.
    expect(file.data.coursebook!.assets.some((a) => a.outPath.endsWith('.png'))).toBe(false)
    // tikz.showSource leaves the source open (and the drawing comes from the cache).
    const shown = await render('notebook', notebook([code('%%tikz -l patterns\n% alt: Hatched ground\n' + HATCHED)]), {showSource: true})
    expect(shown.renders).toBe(0)
    expect(select('#cell-1 details', shown.hast)).toBeUndefined()
    expect(select('#cell-1 .cell-input', shown.hast)).toBeTruthy()
  })
})

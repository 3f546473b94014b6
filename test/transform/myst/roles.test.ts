import {describe, expect, it} from 'vitest'
import {treeToHtml} from '../../../src/render/html/to-html.js'
import {headingsTransform} from '../../../src/transform/headings.js'
import {nodesOf} from '../../parse/myst/helpers.js'
import {transformMarkdown} from './helpers.js'

function html(markdown: string): string {
  return treeToHtml(transformMarkdown(markdown).tree)
}

describe('roles', () => {
  it('render sub, sup, abbr, kbd, guilabel and code', () => {
    expect(html('H{sub}`2`O and x{sup}`2`, {subscript}`i`')).toBe('<p>H<sub>2</sub>O and x<sup>2</sup>, <sub>i</sub></p>')
    expect(html('{abbr}`HTML (HyperText Markup Language)`')).toBe('<p><abbr title="HyperText Markup Language">HTML</abbr></p>')
    expect(html('Press {kbd}`Ctrl+C` then {guilabel}`&Save` in {code}`x < y`')).toBe('<p>Press <kbd>Ctrl+C</kbd> then <span class="guilabel">Save</span> in <code>x &#x3C; y</code></p>')
  })

  it('leave sub and sup for the renderers, so plain text reads just the text', () => {
    const {tree, messages} = transformMarkdown('## H{sub}`2`O')
    expect(nodesOf(tree, 'mystRole').map((r) => [r.name, r.value])).toEqual([['sub', '2']])
    expect(headingsTransform(tree).headings.map((h) => h.id)).toEqual(['h2o'])
    expect(messages).toEqual([])
  })

  it('turn {math} into inline math', () => {
    const {tree} = transformMarkdown('The equation {math}`e=mc^2`.')
    expect(nodesOf(tree, 'inlineMath').map((m) => m.value)).toEqual(['e=mc^2'])
  })

  it('turn {download} into a link the links transform resolves', () => {
    const {tree} = transformMarkdown('Get {download}`data/file.csv` or {download}`the notebook <nb/a.ipynb>`.')
    expect(nodesOf(tree, 'link').map((l) => [l.url, l.children.map((c) => ('value' in c ? c.value : '')).join('')])).toEqual([
      ['data/file.csv', 'file.csv'],
      ['nb/a.ipynb', 'the notebook'],
    ])
  })

  it('turn the reference roles into crossReference nodes, with their explicit text', () => {
    const {tree} = transformMarkdown('{ref}`intro`, {numref}`Figure %s <fig-flow>`, {eq}`eq-energy`, {doc}`../week-2/index`, {term}`Glossary term one`')
    expect(nodesOf(tree, 'crossReference').map((r) => [r.kind, r.target, r.children.map((c) => ('value' in c ? c.value : '')).join('')])).toEqual([
      ['ref', 'intro', ''],
      ['numref', 'fig-flow', 'Figure %s'],
      ['eq', 'eq-energy', ''],
      ['doc', '../week-2/index', ''],
      ['term', 'Glossary term one', ''],
    ])
  })

  it('are converted in directive titles and glossary definitions too', () => {
    const {tree} = transformMarkdown(':::{admonition} About {math}`x^2`\nBody\n:::\n\n```{glossary}\nTerm\n  Uses {sub}`i` and {ref}`sec`.\n```')
    expect(nodesOf(tree, 'inlineMath').map((m) => m.value)).toEqual(['x^2'])
    expect(nodesOf(tree, 'crossReference').map((r) => r.target)).toEqual(['sec'])
    expect(nodesOf(tree, 'mystRole').map((r) => r.name)).toEqual(['sub'])
  })

  it('show an unknown role as its text, with a warning naming it', () => {
    const {tree, messages} = transformMarkdown('Cited {cite}`knuth1984` here.')
    expect(nodesOf(tree, 'text').map((t) => t.value).join('')).toBe('Cited knuth1984 here.')
    expect(messages).toEqual(['role-unknown Unknown role {cite}; its text is shown as written'])
  })
})

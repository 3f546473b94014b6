import {describe, expect, it} from 'vitest'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../../src/parse/markdown.js'
import {nodesOf, startOf} from './helpers.js'

describe('roles', () => {
  it('are text ending in {name} right before inline code', () => {
    const tree = parseMarkdownSource('The equation {math}`e=mc^2` and {NumRef}`Figure %s <fig-a>`.')
    expect(nodesOf(tree, 'mystRole').map((r) => [r.name, r.value])).toEqual([
      ['math', 'e=mc^2'],
      ['numref', 'Figure %s <fig-a>'],
    ])
    expect(nodesOf(tree, 'text').map((t) => t.value)).toEqual(['The equation ', ' and ', '.'])
    expect(startOf(nodesOf(tree, 'mystRole')[0]!)).toBe('1:14')
  })

  it('are found in headings, emphasis and table cells', () => {
    const tree = parseMarkdownSource('# A {sub}`1` title\n\n*see {ref}`x`*\n\n| a |\n|---|\n| {kbd}`Ctrl` |')
    expect(nodesOf(tree, 'mystRole').map((r) => r.name)).toEqual(['sub', 'ref', 'kbd'])
  })

  it('join a {domain:name} role that the directive syntax split', () => {
    const tree = parseMarkdownSource('Call {py:func}`numpy.sum` here.')
    expect(nodesOf(tree, 'mystRole').map((r) => [r.name, r.value])).toEqual([['py:func', 'numpy.sum']])
    expect(nodesOf(tree, 'textDirective')).toEqual([])
  })

  it('are not taken from code that merely shows one', () => {
    const tree = parseMarkdownSource('Write ``{term}`Glossary term one` TO DO`` or `{math}` alone.')
    expect(nodesOf(tree, 'mystRole')).toEqual([])
  })
})

describe('targets', () => {
  it('are a paragraph that is just (label)=, kept before the heading it names', () => {
    const tree = parseMarkdownSource('(my_id)=\n# My Header\n\nText')
    expect(tree.children.map((n) => n.type)).toEqual(['mystTarget', 'heading', 'paragraph'])
    expect(tree.children[0]).toMatchObject({label: 'my_id'})
  })

  it('split off the paragraph they start', () => {
    const tree = parseMarkdownSource('(intro-para)=\nThe paragraph itself.')
    expect(tree.children.map((n) => n.type)).toEqual(['mystTarget', 'paragraph'])
    expect(nodesOf(tree, 'text').map((t) => t.value)).toEqual(['The paragraph itself.'])
    expect(startOf(tree.children[1]!)).toBe('2:1')
  })

  it('are found in notebook cell Markdown', () => {
    expect(parseMarkdownBlocks('(cell-label)=\n## Heading').map((n) => n.type)).toEqual(['mystTarget', 'heading'])
  })

  it('need the whole line: text around (label)= is ordinary text', () => {
    const tree = parseMarkdownSource('See (this)= there')
    expect(nodesOf(tree, 'mystTarget')).toEqual([])
  })
})

describe('equation labels', () => {
  it('label a display equation closed by `$$ (label)`', () => {
    const tree = parseMarkdownSource('$$\nE = mc^2\n$$ (eq-energy)\n\nAfter')
    const [math] = nodesOf(tree, 'math')
    expect(math).toMatchObject({value: 'E = mc^2', data: {label: 'eq-energy'}})
    expect(nodesOf(tree, 'paragraph')).toHaveLength(1)
  })

  it('make a labelled one-line `$$ … $$ (label)` a labelled display equation', () => {
    const tree = parseMarkdownSource('$$ Ax = b $$ (eq-linear)')
    expect(tree.children).toMatchObject([{type: 'math', value: 'Ax = b', data: {label: 'eq-linear'}}])
  })

  it('leave `$$ (label)` in code alone', () => {
    const tree = parseMarkdownSource('```\n$$ x $$ (a)\n```')
    expect(nodesOf(tree, 'code')[0]!.value).toBe('$$ x $$ (a)')
  })
})

import {describe, expect, it} from 'vitest'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../../src/parse/markdown.js'
import {MAX_DIRECTIVE_DEPTH} from '../../../src/parse/myst/index.js'
import {run} from '../notebook-helpers.js'
import {directivesOf, nodesOf, startOf} from './helpers.js'

describe('directive fences', () => {
  it('reads the name (lower-cased), the arguments and the body', () => {
    const tree = parseMarkdownSource('```{Admonition} Box *Title*\nHere is the box content.\n```')
    const [directive] = directivesOf(tree)
    expect(directive).toMatchObject({type: 'mystDirective', name: 'admonition', args: 'Box *Title*', options: {}, value: 'Here is the box content.'})
    expect(directive!.children).toMatchObject([{type: 'paragraph', children: [{type: 'text', value: 'Here is the box content.'}]}])
    expect(nodesOf(tree, 'code')).toEqual([])
  })

  it('reads `:key: value` options, an option with no value, and skips one blank line before the body', () => {
    const tree = parseMarkdownSource('```{figure} images/a.png\n:name: fig-a\n:alt: A screenshot\n:linenos:\n\nThe caption.\n```')
    const [figure] = directivesOf(tree)
    expect(figure!.options).toEqual({name: 'fig-a', alt: 'A screenshot', linenos: ''})
    expect(figure!.value).toBe('The caption.')
  })

  it('starts the body right after the options when there is no blank line', () => {
    const [directive] = directivesOf(parseMarkdownSource('```{ou-codestyle} python\n:viewer: codesnippet\n# some code\n```'))
    expect(directive!.options).toEqual({viewer: 'codesnippet'})
    expect(directive!.value).toBe('# some code')
  })

  it('reads a leading YAML block as options, writing values that are not strings as text', () => {
    const source = '```{code-cell} ipython3\n---\ntags: [hide-input]\nexecution:\n  timeout: 30\nlabel: my-equation\nnumber: 3\n---\nx = 1\n```'
    const [cell] = directivesOf(parseMarkdownSource(source))
    expect(cell!.options).toEqual({tags: '["hide-input"]', execution: '{"timeout":30}', label: 'my-equation', number: '3'})
    expect(cell!.value).toBe('x = 1')
  })

  it('keeps YAML options that do not parse as an error for the transform to report, and the body after them', () => {
    const [directive] = directivesOf(parseMarkdownSource('```{note}\n---\nclass: [unclosed\n---\nBody.\n```'))
    expect(directive!.options).toEqual({})
    expect(directive!.data?.mystOptionsError).toMatch(/\S/)
    expect(directive!.value).toBe('Body.')
  })

  it('parses nested directives inside a longer fence, with page positions', () => {
    const source = ['# Page', '', '````{admonition} Outer', ':class: tip', '', 'Text of the outer one.', '', '```{figure} images/x.png', ':name: x', '', 'Caption.', '```', '````'].join('\n')
    const tree = parseMarkdownSource(source)
    const [outer, inner] = directivesOf(tree)
    expect(outer!.name).toBe('admonition')
    expect(inner!.name).toBe('figure')
    expect(startOf(outer!)).toBe('3:1')
    expect(startOf(outer!.children[0]!)).toBe('6:1')
    expect(startOf(inner!)).toBe('8:1')
    expect(startOf(inner!.children[0]!)).toBe('11:1')
  })

  it('places the body of an indented fence (in a list item) at its real line and column', () => {
    const tree = parseMarkdownSource('- item\n\n  ```{note}\n  The body.\n  ```')
    const [note] = directivesOf(tree)
    expect(startOf(note!)).toBe('3:3')
    expect(startOf(note!.children[0]!)).toBe('4:3')
  })

  it('keeps the body of code, math, mermaid and glossary directives raw', () => {
    for (const name of ['code-block', 'code-cell', 'math', 'mermaid', 'glossary']) {
      const [directive] = directivesOf(parseMarkdownSource(`\`\`\`{${name}}\n# not a heading\n\`\`\``))
      expect(directive).toMatchObject({name, value: '# not a heading', children: []})
    }
  })

  it('leaves ordinary code fences and fences inside them alone', () => {
    const tree = parseMarkdownSource('````text\n```{note}\nAn example.\n```\n````\n\n```python\nprint(1)\n```')
    expect(directivesOf(tree)).toEqual([])
    expect(nodesOf(tree, 'code').map((c) => c.lang)).toEqual(['text', 'python'])
  })

  it('parses directives in notebook cells, every node keeping its cell and lines counted in the cell', () => {
    const file = run({nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
      {cell_type: 'code', metadata: {}, source: 'x = 1', outputs: [], execution_count: 1},
      {cell_type: 'markdown', metadata: {}, source: 'Intro\n\n```{tip}\nIn a *cell*.\n```'},
    ]}, {parseMarkdown: parseMarkdownBlocks})
    const [tip] = directivesOf(file.data.coursebook!.tree!)
    expect(tip).toMatchObject({name: 'tip', data: {cell: 1}})
    expect(startOf(tip!)).toBe('3:1')
    expect(startOf(tip!.children[0]!)).toBe('4:1')
    expect(nodesOf(tip!, 'emphasis')[0]!.data).toMatchObject({cell: 1})
  })

  it(`leaves fences nested more than ${MAX_DIRECTIVE_DEPTH} deep as code blocks`, () => {
    const depth = MAX_DIRECTIVE_DEPTH + 3
    const lines: string[] = []
    for (let i = 0; i < depth; i++) lines.push(`${'`'.repeat(3 + depth - i)}{note}`)
    lines.push('deepest')
    for (let i = depth - 1; i >= 0; i--) lines.push('`'.repeat(3 + depth - i))
    const tree = parseMarkdownSource(lines.join('\n'))
    expect(directivesOf(tree)).toHaveLength(MAX_DIRECTIVE_DEPTH)
    expect(nodesOf(tree, 'code')[0]?.lang).toBe('{note}')
  })
})

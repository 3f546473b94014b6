import {describe, expect, it} from 'vitest'
import type {ContainerDirective} from 'mdast-util-directive'
import {nodesOf, startOf} from '../../parse/myst/helpers.js'
import {transformMarkdown} from './helpers.js'

describe('admonitions', () => {
  it('shape {note} … {seealso} as the :::note admonitions are, the argument opening the body', () => {
    const {tree, messages} = transformMarkdown('```{warning} Mind the gap\nAnd the step.\n```')
    const [aside] = nodesOf(tree, 'containerDirective') as ContainerDirective[]
    expect(aside!.data).toMatchObject({hName: 'aside', hProperties: {className: ['admonition', 'warning'], role: 'note'}})
    expect(aside!.children.map((c) => c.type === 'paragraph' && c.children.map((t) => ('value' in t ? t.value : '')).join(''))).toEqual(['Warning', 'Mind the gap', 'And the step.'])
    expect(messages).toEqual([])
  })

  it('give {admonition} its title, and the kind a :class: names', () => {
    const {tree} = transformMarkdown('```{admonition} Box Title\n:class: tip\nBody\n```\n\n```{admonition} Plain\n:class: custom\nBody\n```')
    const [tip, plain] = nodesOf(tree, 'containerDirective') as ContainerDirective[]
    expect(tip!.data?.hProperties).toMatchObject({className: ['admonition', 'tip']})
    expect(plain!.data?.hProperties).toMatchObject({className: ['admonition', 'note', 'custom']})
    expect(nodesOf(tip!, 'text')[0]!.value).toBe('Box Title')
  })

  it('make {dropdown} an admonition with the dropdown class, open when :open: is given', () => {
    const {tree} = transformMarkdown('```{dropdown} Answer\n:open:\n42\n```')
    const [dropdown] = nodesOf(tree, 'containerDirective') as ContainerDirective[]
    expect(dropdown!.data?.hProperties).toMatchObject({className: ['admonition', 'note', 'dropdown'], open: true})
    expect(nodesOf(dropdown!, 'text').map((t) => t.value)).toEqual(['Answer', '42'])
  })
})

describe('figures, images, tables and listings', () => {
  it('turn {figure} into a courseFigure: image, caption, legend, label, widths', () => {
    const {tree} = transformMarkdown('```{figure} images/flow.png\n:name: fig-flow\n:alt: Boxes and arrows\n:width: 400\n:figwidth: 80%\n:align: center\n\nThe *flow* of a build.\n\nA legend paragraph.\n```')
    const [figure] = nodesOf(tree, 'courseFigure')
    expect(figure).toMatchObject({kind: 'figure', label: 'fig-flow', width: '80%', align: 'center'})
    expect(figure!.children.map((c) => c.type)).toEqual(['image', 'paragraph'])
    expect(figure!.children[0]).toMatchObject({url: 'images/flow.png', alt: 'Boxes and arrows', data: {hProperties: {style: 'width: 400px'}}})
    expect(figure!.caption.map((c) => c.type)).toEqual(['text', 'emphasis', 'text'])
  })

  it('take the label from :label: (mystmd) as from :name: (Jupyter Book)', () => {
    const {tree} = transformMarkdown('```{figure} a.png\n:label: fig-mystmd\n\nA caption.\n```\n\n```{code-block} python\n:label: lst-mystmd\n:caption: Code\nx = 1\n```')
    expect(nodesOf(tree, 'courseFigure').map((f) => f.label)).toEqual(['fig-mystmd', 'lst-mystmd'])
  })

  it('report a width that is not a length, and an alignment that is not left, center or right', () => {
    const {tree, messages} = transformMarkdown('```{figure} a.png\n:width: wide\n:align: middle\n```')
    expect(nodesOf(tree, 'courseFigure')[0]!.align).toBeUndefined()
    expect(messages).toEqual([
      'directive-option-invalid The :width: option of {figure} must be a length such as 400px or 80%, not "wide"; it was ignored',
      'directive-option-invalid The :align: option of {figure} must be left, center or right, not "middle"; it was ignored',
    ])
  })

  it('turn {image} into an image in a paragraph of its own', () => {
    const {tree} = transformMarkdown('```{image} pic.png\n:alt: A picture\n:width: 50%\n```')
    expect(tree.children).toMatchObject([{type: 'paragraph', children: [{type: 'image', url: 'pic.png', alt: 'A picture', data: {hProperties: {style: 'width: 50%'}}}]}])
  })

  it('turn {table} around a Markdown table into a courseFigure of kind table', () => {
    const {tree} = transformMarkdown('```{table} Results of the *runs*\n:name: tab-runs\n\n| a | b |\n|---|---|\n| 1 | 2 |\n```')
    const [figure] = nodesOf(tree, 'courseFigure')
    expect(figure).toMatchObject({kind: 'table', label: 'tab-runs'})
    expect(figure!.children.map((c) => c.type)).toEqual(['table'])
  })

  it('turn {list-table} into a table: one row per item, header rows and widths', () => {
    const source = '```{list-table} Planets\n:header-rows: 1\n:widths: 1 3\n:name: planets\n\n* - Name\n  - Notes\n* - Mercury\n  - Closest to the Sun.\n\n    Hot.\n* - Venus\n```'
    const {tree} = transformMarkdown(source)
    const [figure] = nodesOf(tree, 'courseFigure')
    const [table] = nodesOf(figure!, 'table')
    expect(table!.align).toEqual([null, null])
    expect(table!.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : c.type)).join('')))).toEqual([
      ['Name', 'Notes'],
      ['Mercury', 'Closest to the Sun.breakHot.'],
      ['Venus'],
    ])
    expect(table!.children[0]!.children.map((cell) => cell.data?.hProperties?.style)).toEqual(['width: 25%', 'width: 75%'])
  })

  it('make the first list-table row data cells when there are no header rows', () => {
    const {tree} = transformMarkdown('```{list-table}\n* - a\n* - b\n```')
    const [table] = nodesOf(tree, 'table')
    expect(table!.children[0]!.children[0]!.data).toMatchObject({hName: 'td'})
  })

  it('turn {code-block} into code, and a captioned or named one into a listing', () => {
    const {tree} = transformMarkdown('```{code-block} python\nprint(1)\n```\n\n```{code} js\n:caption: The *loop*\n:name: lst-loop\nfor (;;) {}\n```')
    expect(tree.children[0]).toMatchObject({type: 'code', lang: 'python', value: 'print(1)'})
    expect(tree.children[1]).toMatchObject({type: 'courseFigure', kind: 'code', label: 'lst-loop', children: [{type: 'code', lang: 'js', value: 'for (;;) {}'}]})
  })

  it('turn {code-cell} into code of the kernel language, leaving out cells tagged remove-cell or remove-input', () => {
    const {tree} = transformMarkdown('```{code-cell} ipython3\nx = 1\n```\n\n```{code-cell} ipython3\n:tags: [remove-input]\nhidden = 1\n```')
    expect(tree.children).toMatchObject([{type: 'code', lang: 'python', value: 'x = 1'}])
  })
})

describe('math, mermaid and glossary', () => {
  it('turn {math} into display math labelled by :label:', () => {
    const {tree} = transformMarkdown('```{math}\n---\nlabel: my-equation\n---\nw_{t+1} = (1 + r_{t+1})\n```')
    expect(tree.children).toMatchObject([{type: 'math', value: 'w_{t+1} = (1 + r_{t+1})', data: {label: 'my-equation'}}])
  })

  it('keep {mermaid} as mermaid source with an info diagnostic', () => {
    const {tree, messages} = transformMarkdown('```{mermaid}\nflowchart LR\n  A --> B\n```')
    expect(tree.children).toMatchObject([{type: 'code', lang: 'mermaid', value: 'flowchart LR\n  A --> B'}])
    expect(messages).toEqual(['mermaid-unrendered The {mermaid} diagram is shown as its source: coursebook cannot draw Mermaid diagrams without a browser'])
  })

  it('give {tikz} back to the TikZ transform as a fence, options first and the TeX on its own lines', () => {
    const {tree} = transformMarkdown('```{tikz} A triangle\n:libraries: calc\n\n\\draw (0,0) -- (1,1);\n```')
    expect(tree.children).toMatchObject([{type: 'code', lang: '{tikz}', meta: null, value: ':libraries: calc\n:caption: A triangle\n\\draw (0,0) -- (1,1);'}])
    const {tree: spaced} = transformMarkdown('```{tikz}\n:alt: Lines\n\n\n\\draw (0,0);\n```')
    // The TeX is on line 4 of the content, as in the source (the option, then blank lines).
    expect(spaced.children).toMatchObject([{type: 'code', value: ':alt: Lines\n\n\n\\draw (0,0);'}])
  })

  it('read {glossary} terms, shared definitions and definitions with blank lines, at their lines', () => {
    const source = ['# G', '', '```{glossary}', 'Term one', '  Defined *here*.', '', 'Term two', 'Term 2', '  Shared definition,', '  two lines.', '', '  A second paragraph.', '```'].join('\n')
    const {tree} = transformMarkdown(source)
    const [glossary] = nodesOf(tree, 'glossary')
    expect(glossary!.children.map((e) => e.terms)).toEqual([['Term one'], ['Term two', 'Term 2']])
    expect(glossary!.children[0]!.children).toMatchObject([{type: 'paragraph', children: [{value: 'Defined '}, {type: 'emphasis'}, {value: '.'}]}])
    expect(glossary!.children[1]!.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph'])
    expect(startOf(glossary!.children[0]!.children[0]!)).toBe('5:1')
    expect(startOf(glossary!.children[1]!.children[1]!)).toBe('12:1')
  })

  it('read mystmd\'s glossary form, each definition on a line starting ": "', () => {
    const source = ['```{glossary}', 'MyST', ': Markedly Structured *Text*.', '  Still the definition.', '', 'CommonMark', ': A specification of Markdown.', '```'].join('\n')
    const [glossary] = nodesOf(transformMarkdown(source).tree, 'glossary')
    expect(glossary!.children.map((e) => e.terms)).toEqual([['MyST'], ['CommonMark']])
    expect(glossary!.children[0]!.children).toMatchObject([{type: 'paragraph', children: [{value: 'Markedly Structured '}, {type: 'emphasis'}, {value: '.\nStill the definition.'}]}])
    expect(glossary!.children[1]!.children).toMatchObject([{type: 'paragraph', children: [{value: 'A specification of Markdown.'}]}])
  })
})

describe('quotes, asides and divs', () => {
  it('turn {epigraph} into a blockquote with its attribution marked', () => {
    const {tree} = transformMarkdown('```{epigraph}\nTo be or not to be.\n\n-- Hamlet\n```')
    expect(tree.children).toMatchObject([{type: 'blockquote', data: {hProperties: {className: ['epigraph']}}, children: [{type: 'paragraph'}, {type: 'paragraph', data: {hProperties: {className: ['attribution']}}, children: [{value: 'Hamlet'}]}]}])
  })

  it('turn {sidebar} and {margin} into asides, and {div} into a div with classes', () => {
    const {tree} = transformMarkdown('```{sidebar} Aside title\nBeside.\n```\n\n```{margin}\nIn the margin.\n```\n\n```{div} wide\n:class: note\nBoxed.\n```')
    const [sidebar, margin, div] = nodesOf(tree, 'containerDirective') as ContainerDirective[]
    expect(sidebar!.data).toMatchObject({hName: 'aside', hProperties: {className: ['sidebar']}})
    expect(sidebar!.children[0]).toMatchObject({data: {hProperties: {className: ['admonition-title']}}})
    expect(margin!.data).toMatchObject({hName: 'aside', hProperties: {className: ['margin']}})
    expect(div!.data).toMatchObject({hName: 'div', hProperties: {className: ['wide', 'note']}})
  })
})

describe('directives no transform knows', () => {
  it('are shown as their content, their raw body as code, or left out, with a warning naming each', () => {
    const {tree, messages} = transformMarkdown('```{tab-item} One\nContent **here**.\n```\n\n```{raw} latex\n\\newpage\n```\n\n```{pyodide-terminal}\n```')
    expect(tree.children.map((c) => c.type)).toEqual(['containerDirective', 'code'])
    expect(tree.children[0]).toMatchObject({data: {hName: 'div', hProperties: {className: ['directive', 'directive-tab-item']}}})
    expect(messages).toEqual([
      'directive-unknown Unknown directive {tab-item} One; its content is shown as ordinary text',
      'directive-unknown Unknown directive {raw} latex; its content is shown as code',
      'directive-unknown Unknown directive {pyodide-terminal}; it has no content and is left out',
    ])
  })

  it('are left for later transforms by the MyST transform itself (the OU directives, exercises)', () => {
    const {tree, messages} = transformMarkdown('````{ou-activity} Activity 1\n```{figure} a.png\n```\n````', {leftovers: false})
    expect(nodesOf(tree, 'mystDirective').map((d) => d.name)).toEqual(['ou-activity'])
    // Directives inside it are converted already.
    expect(nodesOf(nodesOf(tree, 'mystDirective')[0]!, 'courseFigure')).toHaveLength(1)
    expect(messages).toEqual([])
  })

  it('report YAML options that do not parse, naming the directive', () => {
    const {messages} = transformMarkdown('```{note}\n---\nclass: [unclosed\n---\nBody.\n```')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^directive-option-invalid The options of \{note\} are not valid YAML \(.+\); it is rendered without them$/)
  })
})

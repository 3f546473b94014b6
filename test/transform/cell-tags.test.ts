import type {Root, RootContent} from 'mdast'
import {select, selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import type {NotebookCodeCell, NotebookMarkdownCell} from '../../src/pipeline/types.js'
import {cellTagsTransform} from '../../src/transform/cell-tags.js'
import {codeCell, markdownCell, rawCell, render, stream, textOf} from '../render/notebook-html.js'

function run(...children: RootContent[]): Root {
  const tree: Root = {type: 'root', children}
  cellTagsTransform(tree)
  return tree
}

function displayOf(fields: Partial<NotebookCodeCell>): NotebookCodeCell['display'] {
  return (run(codeCell(fields)).children[0] as NotebookCodeCell).display
}

describe('cellTagsTransform on code cells', () => {
  it('shows everything when there are no tags', () => {
    expect(displayOf({})).toEqual({cell: 'show', input: 'show', output: 'show'})
  })

  it('deletes a cell tagged remove-cell, and only that cell', () => {
    const tree = run(
      codeCell({index: 0, tags: ['remove-cell']}),
      codeCell({index: 1, tags: ['remove-cell']}),
      markdownCell({index: 2, tags: ['remove-cell']}),
      rawCell({index: 3, tags: ['remove-cell']}),
      codeCell({index: 4}),
    )
    expect(tree.children.map((node) => (node as NotebookCodeCell).index)).toEqual([4])
  })

  it('empties the source and highlighting for remove-input', () => {
    const tree = run(codeCell({tags: ['remove-input'], source: 'secret()', highlighted: '<pre>secret()</pre>', children: [stream('x')]}))
    const cell = tree.children[0] as NotebookCodeCell
    expect(cell.display).toEqual({cell: 'show', input: 'remove', output: 'show'})
    expect(cell.source).toBe('')
    expect(cell.highlighted).toBeUndefined()
    expect(cell.children).toHaveLength(1)
  })

  it('empties the outputs for remove-output', () => {
    const tree = run(codeCell({tags: ['remove-output'], children: [stream('x'), stream('y')]}))
    const cell = tree.children[0] as NotebookCodeCell
    expect(cell.display).toEqual({cell: 'show', input: 'show', output: 'remove'})
    expect(cell.children).toEqual([])
    expect(cell.source).toBe('print(1)')
  })

  it.each([
    ['hide-cell', {cell: 'hide', input: 'show', output: 'show'}],
    ['hide-input', {cell: 'show', input: 'hide', output: 'show'}],
    ['hide-output', {cell: 'show', input: 'show', output: 'hide'}],
  ] as const)('marks %s', (tag, display) => {
    expect(displayOf({tags: [tag]})).toEqual(display)
  })

  it('counts source_hidden and outputs_hidden as hide-input and hide-output', () => {
    expect(displayOf({hidden: {input: true, output: false}})).toEqual({cell: 'show', input: 'hide', output: 'show'})
    expect(displayOf({hidden: {input: false, output: true}})).toEqual({cell: 'show', input: 'show', output: 'hide'})
  })

  it('lets remove win over hide', () => {
    expect(displayOf({tags: ['hide-input', 'remove-input', 'hide-output', 'remove-output'], hidden: {input: true, output: true}})).toEqual({
      cell: 'show',
      input: 'remove',
      output: 'remove',
    })
  })

  it('copes with missing or malformed tags and hidden flags', () => {
    expect(displayOf({tags: undefined, hidden: undefined} as never)).toEqual({cell: 'show', input: 'show', output: 'show'})
    expect(displayOf({tags: 'hide-cell' as never, hidden: 'yes' as never})).toEqual({cell: 'show', input: 'show', output: 'show'})
    expect(displayOf({tags: [3, 'hide-cell'] as never})).toEqual({cell: 'hide', input: 'show', output: 'show'})
  })
})

describe('cellTagsTransform on Markdown cells', () => {
  function markdownDisplay(fields: Partial<NotebookMarkdownCell>): NotebookMarkdownCell['display'] {
    return (run(markdownCell(fields)).children[0] as NotebookMarkdownCell).display
  }

  it('marks hide-cell, hide-input and source_hidden as collapsed', () => {
    expect(markdownDisplay({})).toEqual({cell: 'show', input: 'show', output: 'show'})
    expect(markdownDisplay({tags: ['hide-cell']})).toEqual({cell: 'hide', input: 'show', output: 'show'})
    expect(markdownDisplay({tags: ['hide-input']})).toEqual({cell: 'show', input: 'hide', output: 'show'})
    expect(markdownDisplay({hidden: {input: true}})).toEqual({cell: 'show', input: 'hide', output: 'show'})
  })

  it('ignores the tags that only make sense for code', () => {
    const tree = run(markdownCell({tags: ['remove-input', 'remove-output', 'hide-output']}))
    const cell = tree.children[0] as NotebookMarkdownCell
    expect(cell.display).toEqual({cell: 'show', input: 'show', output: 'show'})
    expect(cell.children).toHaveLength(1)
  })
})

describe('cell tags through to HTML', () => {
  it('renders what the tags leave', () => {
    const tree = render(
      run(
        markdownCell({index: 0, tags: ['remove-cell']}),
        codeCell({index: 1, tags: ['remove-input'], source: 'hidden_source()', children: [stream('visible\n')]}),
        codeCell({index: 2, tags: ['remove-output'], children: [stream('gone\n')]}),
        codeCell({index: 3, tags: ['hide-cell']}),
        codeCell({index: 4, hidden: {input: true, output: true}, children: [stream('folded\n')]}),
        markdownCell({index: 5, tags: ['hide-input']}),
      ).children,
    )
    expect(selectAll('.cell', tree).map((node) => node.properties.id)).toEqual(['cell-2', 'cell-3', 'cell-4', 'cell-5', 'cell-6'])
    expect(textOf(tree)).not.toContain('hidden_source')
    expect(textOf(tree)).not.toContain('gone')
    expect(select('#cell-2 .cell-input', tree)).toBeUndefined()
    expect(textOf(select('details.cell-hidden:has(> #cell-4) > summary', tree))).toBe('Show cell')
    expect(selectAll('#cell-5 > details.cell-hidden > summary', tree).map(textOf)).toEqual(['Show code', 'Show output'])
    expect(textOf(select('details.cell-hidden:has(> #cell-6) > summary', tree))).toBe('Show content')
  })
})

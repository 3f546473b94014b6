import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {visit} from 'unist-util-visit'
import {treeToHtml} from '../../../src/render/html/to-html.js'
import {transformMarkdown} from '../../transform/myst/helpers.js'

// Pieces of MyST syntax, whole and broken, to be joined at random.
const pieces = [
  '```{note}', '```{figure} a.png', '````{admonition} T', '```', '````', '~~~{tip}', '~~~', ':::{note}', '::::{dropdown} D', ':::', '::::', ':::note',
  ':name: x', ':class: tip', ':width: 10px', ':header-rows: 1', ':open:', '---', 'label: l', '[', '{include} missing.md', '```{include} missing.md',
  '```{list-table}', '* - a', '  - b', '```{glossary}', 'Term', '  Definition', '```{math}', '```{code-cell} ipython3', ':tags: [remove-cell]',
  '{ref}`x`', '{numref}`F %s <x>`', '{abbr}`A (b)`', '{sub}`2`', '{py:func}`f`', '{unknown}`u`', '{', '}', '`', '(label)=', '(a b)=', '$$', '$$ x $$ (l)', '$$ (l)',
  '# H', '- ', '> ', '\t', ' ', '', 'text',
]

const documents = fc.array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...pieces)}, {weight: 1, arbitrary: fc.string({maxLength: 6})}), {maxLength: 30}).map((lines) => lines.join('\n'))

describe('MyST syntax at random', () => {
  it('never throws, and leaves no MyST node nor directive fence behind', () => {
    fc.assert(
      fc.property(documents, (markdown) => {
        const {tree} = transformMarkdown(markdown)
        visit(tree, (node) => {
          expect(node.type).not.toBe('mystDirective')
          // `sub` and `sup` roles stay for the renderers to draw.
          if (node.type === 'mystRole') expect(['sub', 'sup']).toContain(node.name)
          if (node.type === 'code') expect(node.lang ?? '').not.toMatch(/^\{[A-Za-z0-9]/)
        })
        expect(typeof treeToHtml(tree)).toBe('string')
      }),
      {numRuns: Number(process.env.COURSEBOOK_FUZZ_RUNS ?? 300), seed: process.env.COURSEBOOK_FUZZ_SEED ? Number(process.env.COURSEBOOK_FUZZ_SEED) : undefined},
    )
  })
})

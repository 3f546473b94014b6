import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Paragraph} from 'mdast'
import {parseMarkdownSource} from '../../src/parse/markdown.js'
import {mathTransform} from '../../src/transform/math.js'
import {treeToHtml} from '../../src/render/html/to-html.js'

const html = (source: string) => {
  const tree = parseMarkdownSource(source)
  mathTransform(tree, new VFile(), {macros: {}})
  return treeToHtml(tree)
}

describe('$$…$$ written inside a line, as Jupyter shows it', () => {
  it('is a display block when it is alone in its paragraph', () => {
    const tree = parseMarkdownSource('Before.\n\n$$ E = mc^2 $$\n\nAfter.')
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'math', 'paragraph'])
    expect(tree.children[1]).toMatchObject({type: 'math', value: 'E = mc^2', position: {start: {line: 3, column: 1}}})
  })

  it('is typeset in display style where it stands among other text; $…$ stays inline', () => {
    const tree = parseMarkdownSource('So $$a^2 + b^2 = c^2$$ holds, with $x$ inline.')
    const paragraph = tree.children[0] as Paragraph
    expect(paragraph.children.filter((c) => c.type === 'inlineMath').map((c) => c.data?.display)).toEqual([true, undefined])
    const out = html('So $$a^2 + b^2 = c^2$$ holds, with $x$ inline.')
    expect(out.match(/class="katex-display"/g)).toHaveLength(1)
    expect(out).toMatch(/^<p>So <span class="katex-display">/)
  })

  it('can carry a MyST label on one line, and so be numbered', () => {
    const tree = parseMarkdownSource('$$ E = mc^2 $$ (eq-energy)\n')
    expect(tree.children).toMatchObject([{type: 'math', value: 'E = mc^2', data: {label: 'eq-energy'}}])
  })
})

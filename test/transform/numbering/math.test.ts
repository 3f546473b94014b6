import {describe, expect, it} from 'vitest'
import type {Root} from 'mdast'
import {mathTransform} from '../../../src/transform/math.js'
import {numberingTransform} from '../../../src/transform/numbering/index.js'
import {treeToHtml} from '../../../src/render/html/to-html.js'
import {math, numbering, pageFile, paragraph, readable, root, text} from './helpers.js'

/** A tree through the numbering and math transforms, as the page pipeline runs them, to HTML with readable tokens. */
function typeset(tree: Root, options = numbering()) {
  const file = pageFile()
  const result = numberingTransform(tree, file, {numbering: options})
  mathTransform(tree, file, {macros: {}})
  return {html: readable(treeToHtml(tree, file)), result, messages: file.messages}
}

describe('equation numbers and references in formulas', () => {
  it('puts a labelled display equation in a container with its id and its number beside the KaTeX output', () => {
    const {html} = typeset(root(math('E = mc^2', 'eq-energy'), math('F = ma')))
    expect(html).toMatch(/^<div class="equation" id="eq-energy"><span class="katex-display">.*<\/span><span class="eq-number">\(⟦num\|eq-energy⟧\)<\/span><\/div>\n<span class="katex-display">/s)
    // The label is not typeset and not in the TeX annotation.
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>')
    expect(html.match(/class="equation"/g)).toHaveLength(1)
  })

  it('keeps the id but shows no number when equations are not numbered', () => {
    const {html} = typeset(root(math('E = mc^2 \\label{eq-energy}')), numbering({equations: false}))
    expect(html).toMatch(/^<div class="equation" id="eq-energy"><span class="katex-display">.*<\/span><\/div>$/s)
  })

  it('typesets \\eqref and \\ref inside a formula as links (KaTeX has neither), with the TeX annotation as written', () => {
    const {html, messages} = typeset(root(paragraph(text('By '), {type: 'inlineMath', value: '\\eqref{eq-energy} \\text{ and } \\ref{eq-mass}'} as never)))
    expect(messages).toEqual([])
    expect(html).toContain('<annotation encoding="application/x-tex">\\eqref{eq-energy} \\text{ and } \\ref{eq-mass}</annotation>')
    expect(html).toContain('<a href="⟦href|eq:eq-energy⟧"><span class="mord text"><span class="mord">⟦text|eq:eq-energy⟧</span></span></a>')
    expect(html).toContain('<a href="⟦href|ref:eq-mass⟧"><span class="mord text"><span class="mord">⟦num|eq-mass⟧</span></span></a>')
    // The MathML half reads the same text (KaTeX runs the adjacent texts together there).
    expect(html).toMatch(/<mtext href="⟦href\|eq:eq-energy⟧">⟦text\|eq:eq-energy⟧\sand\s⟦num\|eq-mass⟧<\/mtext>/)
    expect(html).not.toContain('cbxref')
  })

  it('still refuses links the author writes in TeX', () => {
    const {html} = typeset(root(paragraph({type: 'inlineMath', value: '\\href{https://example.org}{x}'} as never)))
    expect(html).not.toContain('<a href="https://example.org"')
  })

  it('still reports a formula KaTeX cannot typeset, with references in it', () => {
    const {html, messages} = typeset(root(math('\\eqref{a} + \\nosuchmacro', 'eq-bad')))
    expect(messages.map((m) => m.ruleId)).toEqual(['math-error'])
    expect(html).toContain('class="math-error"')
    expect(html).toContain('<span class="eq-number">(⟦num|eq-bad⟧)</span>')
  })
})

import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {Root} from 'mdast'
import {parseMarkdownSource} from '../../src/parse/markdown.js'
import {mathTransform} from '../../src/transform/math.js'
import {toHtml} from 'hast-util-to-html'
import {toHast} from 'mdast-util-to-hast'

function render(markdown: string, macros: Record<string, string> = {}) {
  const file = new VFile({path: 'page.md', value: markdown})
  const tree: Root = parseMarkdownSource(markdown)
  mathTransform(tree, file, {macros})
  const html = toHtml(toHast(tree, {allowDangerousHtml: true}), {allowDangerousHtml: true})
  return {file, html, hast: fromHtml(html, {fragment: true})}
}

describe('mathTransform', () => {
  it('typesets inline and display math with MathML for screen readers', () => {
    const {hast, file} = render('Energy $E = mc^2$.\n\n$$\n\\int_0^1 x\\,dx\n$$')
    expect(file.messages).toHaveLength(0)
    expect(selectAll('.katex', hast)).toHaveLength(2)
    expect(select('.katex-display', hast)).toBeTruthy()
    expect(selectAll('math', hast)).toHaveLength(2)
  })

  it('applies a \\newcommand from one block to later blocks of the page', () => {
    const {hast, file} = render('$$\\newcommand{\\vel}{\\mathbf{v}}$$\n\nLater $\\vel$.')
    expect(file.messages).toHaveLength(0)
    expect(toString(select('annotation', selectAll('.katex', hast)[1]!)!)).toBe('\\vel')
  })

  it('does not leak macros between pages', () => {
    render('$\\gdef\\leak{x}$')
    const {file} = render('$\\leak$')
    expect(file.messages[0]?.ruleId).toBe('math-error')
  })

  it('treats \\newcommand of a KaTeX built-in (\\R) as \\renewcommand, with an info', () => {
    const {file, hast} = render('$\\newcommand{\\R}{\\mathbb{R}}$ and $x \\in \\R$')
    expect(file.messages.map((m) => m.ruleId)).toEqual(['math-macro-redefined'])
    expect(select('.math-error', hast)).toBeUndefined()
  })

  it('reports bad LaTeX with its line and shows the source in an error style', () => {
    const {file, hast} = render('Intro\n\nBroken $\\frac{1}{$ here.')
    const [message] = file.messages
    expect(message?.ruleId).toBe('math-error')
    expect(message?.line).toBe(3)
    expect(message?.reason).toBe("Equation could not be typeset: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{")
    const error = select('.math-error', hast)!
    expect(toString(error)).toBe('$\\frac{1}{$')
  })

  it('drops \\label and renders eqnarray, which KaTeX lacks', () => {
    const {file} = render('$$\n\\begin{eqnarray}\\label{eq:x} a &=& b\\end{eqnarray}\n$$')
    expect(file.messages).toHaveLength(0)
  })

  it('renders a repeated formula by the macros in force on each page, not from a stale memo', () => {
    const first = render('$\\gdef\\v{a}$ $\\v$')
    const second = render('$\\gdef\\v{b}$ $\\v$')
    const third = render('$\\gdef\\v{a}$ $\\v$')
    const text = (r: ReturnType<typeof render>) => toString(selectAll('.katex-html', r.hast)[1]!)
    expect(text(first)).toBe('a')
    expect(text(second)).toBe('b')
    expect(text(third)).toBe('a')
  })

  it('typesets chemistry with mhchem, ignoring MathJax\'s \\require', () => {
    const {file} = render('$\\require{mhchem}\\ce{H2O}$')
    expect(file.messages).toHaveLength(0)
  })
})

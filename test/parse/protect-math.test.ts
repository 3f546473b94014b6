import {describe, expect, it} from 'vitest'
import {protectMathEnvironments} from '../../src/parse/protect-math.js'
import {parseMarkdownSource} from '../../src/parse/markdown.js'

describe('protectMathEnvironments', () => {
  it('wraps a bare align environment so Markdown keeps its line breaks', () => {
    const source = 'Text\n\n\\begin{align}\n a &= b \\\\\n c &= d\n\\end{align}\n\nMore'
    const tree = parseMarkdownSource(source)
    const math = tree.children.find((n) => n.type === 'math')
    expect(math && 'value' in math ? math.value : '').toBe('\\begin{align}\n a &= b \\\\\n c &= d\n\\end{align}')
  })

  it('leaves environments inside $$ and inside code fences alone', () => {
    const inDollars = '$$\n\\begin{align}a\\end{align}\n$$'
    expect(protectMathEnvironments(inDollars)).toBe(inDollars)
    const inFence = '```latex\n\\begin{equation}x\\end{equation}\n```'
    expect(protectMathEnvironments(inFence)).toBe(inFence)
  })

  it('keeps an unterminated environment as written', () => {
    const source = '\\begin{align}\na &= b'
    expect(protectMathEnvironments(source)).toBe(source)
  })

  it('does not wrap non-math environments', () => {
    const source = '\\begin{itemize}\n\\item x\n\\end{itemize}'
    expect(protectMathEnvironments(source)).toBe(source)
  })
})

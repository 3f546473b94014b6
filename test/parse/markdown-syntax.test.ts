import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkDirective from 'remark-directive'
import {ALL_SYNTAX, markdownSyntax, syntaxFor} from '../../src/parse/markdown-syntax.js'
import {sharedFixtures} from '../sites/helpers.js'

/**
 * Each text is parsed with only the syntax extensions it could use. That must
 * give exactly the tree the stock plugins (remark-gfm, remark-math,
 * remark-directive, all at once) give, on every Markdown text of the real
 * fixtures and on random texts built from every construct's pieces.
 */
const stock = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDirective).freeze()
const picked = (text: string) => unified().use(remarkParse).use(markdownSyntax, syntaxFor(text)).parse(text)
const same = (text: string): void => {
  expect(picked(text), JSON.stringify(text)).toEqual(stock.parse(text))
}

/** Every Markdown cell and Markdown file under `dir`. */
function markdownTexts(dir: string): string[] {
  const texts: string[] = []
  for (const name of readdirSync(dir, {recursive: true}) as string[]) {
    const path = join(dir, name)
    if (name.endsWith('.md')) texts.push(readFileSync(path, 'utf8'))
    if (!name.endsWith('.ipynb')) continue
    try {
      const notebook = JSON.parse(readFileSync(path, 'utf8')) as {cells?: Array<{cell_type: string; source: string | string[]}>; worksheets?: unknown}
      for (const cell of notebook.cells ?? []) if (cell.cell_type === 'markdown') texts.push([cell.source].flat().join(''))
    } catch {
      // Broken notebooks are other tests' business.
    }
  }
  return texts
}

const PIECES = [
  'text', 'Word ', '\n', '\n\n', '  ', '# Heading\n', '- item\n', '1. item\n', '> quote\n', '    indented\n', '```\ncode | $x$ ~a~\n```\n', '`code $ | ~`',
  '| a | b |\n| - | - |\n| 1 | 2 |\n', 'a | b\n--|--\n', '|x|\n|-|\n', '|',
  'footnote[^1]', '[^1]: note\n', '[^', '[link](https://example.org/a_b)', '<https://example.org>', 'www.example.com', 'http://x.y', 'https://x.y/z?q=1', 'ann@example.org', 'mailto:ann@example.org', 'xmpp:ann@example.org/r', '@', '://',
  '~~gone~~', '~one~', '~',
  '- [ ] todo\n', '- [x] done\n', '[', ']',
  '$x^2$', '$$\nE = mc^2\n$$\n', '$$a$$', '$', '\\$',
  ':::note\nInside\n:::\n', '::leaf[label]{#id}\n', ':abbr[HTML]{title="x"}', ':', 'a: b',
  '<div>html</div>\n', '*em*', '**strong**', '_u_', '\\', '&amp;', '![img](a.png)',
]
const texts = fc.array(fc.constantFrom(...PIECES), {maxLength: 14}).map((parts) => parts.join(''))

describe('parsing with only the syntax a text could use', () => {
  it('gives the stock plugins’ tree for random texts made of every construct', () => {
    fc.assert(fc.property(texts, (text) => {
      same(text)
    }), {numRuns: Number(process.env.COURSEBOOK_FUZZ_RUNS ?? 600)})
  })

  it('names every part for a text with every trigger, and none for plain prose', () => {
    expect(syntaxFor('www.x [^1] ~ | [ $ :')).toBe(ALL_SYNTAX)
    expect(syntaxFor('Plain prose, with a comma.')).toBe(0)
  })

  it.skipIf(!existsSync(sharedFixtures))('gives the stock plugins’ tree for every Markdown text of the real fixtures', () => {
    const all = ['notebooks', 'edge', 'myst'].flatMap((dir) => (existsSync(join(sharedFixtures, dir)) ? markdownTexts(join(sharedFixtures, dir)) : []))
    expect(all.length).toBeGreaterThan(500)
    for (const text of all) same(text)
  })
})

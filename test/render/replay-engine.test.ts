import {describe, expect, it} from 'vitest'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {createHighlighter, type RegexEngine} from 'shiki'
import {createJavaScriptRegexEngine} from 'shiki/engine/javascript'
import {replayingEngine} from '../../src/render/html/replay-engine.js'
import {SHIKI_THEMES} from '../../src/render/html/highlight.js'
import {projectRoot, sharedFixtures} from '../sites/helpers.js'

/** An engine that counts the searches its scanners run. */
function counting(engine: RegexEngine) {
  const counter = {searches: 0}
  const counted: RegexEngine = {
    createString: (s) => engine.createString(s),
    createScanner(patterns) {
      const scanner = engine.createScanner(patterns)
      return {findNextMatchSync: (string, start, options) => (counter.searches++, scanner.findNextMatchSync(string, start, options))}
    },
  }
  return {engine: counted, counter}
}

/** Code cells of real notebooks (the shared fixtures when present, the sample course always), by language. */
function realCode(): Array<{lang: 'python' | 'r' | 'bash' | 'javascript' | 'latex'; code: string}> {
  const notebooks: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ipynb')) notebooks.push(path)
    }
  }
  walk(join(projectRoot, 'content'))
  if (existsSync(join(sharedFixtures, 'notebooks'))) walk(join(sharedFixtures, 'notebooks'))
  const code: Array<{lang: 'python'; code: string}> = []
  for (const path of notebooks.slice(0, 60)) {
    try {
      const notebook = JSON.parse(readFileSync(path, 'utf8')) as {cells?: Array<{cell_type: string; source: string | string[]}>}
      for (const cell of notebook.cells ?? []) if (cell.cell_type === 'code') code.push({lang: 'python', code: [cell.source].flat().join('')})
    } catch {
      // A broken fixture notebook has no code to offer.
    }
  }
  return [
    ...code.filter((c) => c.code.trim()).slice(0, 400),
    {lang: 'bash', code: 'for f in *.ipynb; do\n  jupyter nbconvert --to html "$f" # convert\ndone\necho "${HOME:-/tmp}" | tr a-z A-Z'},
    {lang: 'r', code: 'df <- read.csv("data.csv")\nsummary(lm(y ~ x, data = df))\n# a comment\nplot(df$x, df$y)'},
    {lang: 'javascript', code: 'const re = /a+(b)?/g\nclass A extends B { #x = `t${1 + 2}` }\nexport default async () => await fetch("/x")'},
    {lang: 'latex', code: '\\begin{align}\n  f(x) &= \\int_0^1 x^2\\,dx \\\\\n  g &= \\frac{a}{b} % note\n\\end{align}'},
  ]
}

describe('the replaying regex engine', () => {
  it('gives shiki exactly the HTML the plain engine gives, on real notebooks’ code, asking its regexes about half as much', async () => {
    const samples = realCode()
    expect(samples.length).toBeGreaterThan(30)
    const langs = [...new Set(samples.map((s) => s.lang))]
    const plain = counting(createJavaScriptRegexEngine({forgiving: true}))
    const inner = counting(createJavaScriptRegexEngine({forgiving: true}))
    const replay = replayingEngine(inner.engine)
    const [reference, replaying] = await Promise.all([
      createHighlighter({themes: Object.values(SHIKI_THEMES), langs, engine: plain.engine}),
      createHighlighter({themes: Object.values(SHIKI_THEMES), langs, engine: replay.engine}),
    ])
    for (const {lang, code} of samples) {
      const options = {lang, themes: SHIKI_THEMES, defaultColor: false as const}
      const expected = reference.codeToHtml(code, options)
      const actual = replaying.codeToHtml(code, options)
      replay.forget()
      expect(actual, code.slice(0, 80)).toBe(expected)
    }
    // Two themes, one tokenising's worth of searches.
    expect(inner.counter.searches).toBeGreaterThan(1000)
    expect(inner.counter.searches / plain.counter.searches).toBeLessThan(0.55)
  }, 60_000)

  it('forgets between blocks, so a line met again in a later block is searched again', () => {
    const inner = counting(createJavaScriptRegexEngine({forgiving: true}))
    const replay = replayingEngine(inner.engine)
    const scanner = replay.engine.createScanner(['a+'])
    expect(scanner.findNextMatchSync('baaa', 0, 0)?.index).toBe(0)
    expect(scanner.findNextMatchSync('baaa', 0, 0)?.captureIndices[0]).toEqual({start: 1, end: 4, length: 3})
    expect(inner.counter.searches).toBe(1)
    expect(scanner.findNextMatchSync('baaa', 2, 0)?.captureIndices[0]?.start).toBe(2)
    expect(inner.counter.searches).toBe(2)
    replay.forget()
    scanner.findNextMatchSync('baaa', 0, 0)
    expect(inner.counter.searches).toBe(3)
  })
})

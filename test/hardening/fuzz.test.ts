import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {fromHtml} from 'hast-util-from-html'
import {xml2js} from 'xml-js'
import {processPage, type PageContext} from '../../src/pipeline/page.js'
import {configFromObject} from '../../src/config/load.js'
import type {PageSource, Unit} from '../../src/pipeline/types.js'
import {previewSession} from '../../src/export/ouxml/fragment.js'
import {sharedFixtures} from '../sites/helpers.js'
import {CONTROL} from './helpers.js'
import {executableParts} from './executable.js'

/**
 * Property tests of the whole page pipeline (`processPage`: read, parse,
 * every transform, HTML and OU-XML) on mutated real notebooks and random
 * Markdown. Seeded, so a failure reproduces: the seed and the run count come
 * from COURSEBOOK_FUZZ_SEED and COURSEBOOK_FUZZ_RUNS (default 300 runs per
 * property, which keeps this file near half a minute; CI-scale runs use a few
 * thousand). On a failure fast-check prints the counterexample and the path
 * to replay it.
 *
 * Properties: processPage never throws and never reports `render-failed` (an
 * internal error); no control character or raw ESC reaches the page body;
 * every OU-XML fragment serialises to well-formed XML; and on untrusted
 * pages nothing in the body can run script.
 */

const RUNS = Number(process.env.COURSEBOOK_FUZZ_RUNS ?? 300)
const SEED = Number(process.env.COURSEBOOK_FUZZ_SEED ?? 20_260_608)
const params = (path?: string): fc.Parameters<unknown> => ({numRuns: RUNS, seed: SEED, endOnFailure: true, ...(path ? {path} : {})})

const notebooksDir = join(sharedFixtures, 'notebooks')

function listNotebooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return listNotebooks(path)
    return name.endsWith('.ipynb') ? [path] : []
  })
}

// ---- arbitraries ------------------------------------------------------------

const markup = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">j</a>', '<svg onload=alert(1)>', '<iframe src=//evil>',
  '<!--', '-->', ']]>', '<![CDATA[', '&', '&amp;', '&#0;', '&#x1b;', '<', '>', '"', "'", '`', '```', '~~~', '$', '$$', '\\', '\\begin{align}', '\\end{align}',
  '\\frac{', '\\newcommand{\\x}{\\x}\\x', ':::', ':::note', '::: ', '---', '***', '#', '##', '> ', '- ', '1. ', '|', '| a |\n|---|', '[^1]', '[x]: <>', '![a](../../../etc/passwd)',
  '[l](../outside.md)', '<http://x>', '\x1b[31m', '\x1b]8;;http://x\x07', '\x00', '\x07', '\x08', '\x0b', '\x0c', '\x7f', '\x85', '\x9b', '\u2028', '\ufeff', '\ud800', '\udfff', '😀', '\r', '\r\n', '\t',
]

/** Strings built from hostile fragments, control characters and ordinary text. */
const nasty = fc
  .array(fc.oneof({weight: 3, arbitrary: fc.constantFrom(...markup)}, {weight: 2, arbitrary: fc.string({maxLength: 12})}, {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 8})}), {maxLength: 12})
  .map((parts) => parts.join(''))

const hugeNumbers = fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e-308, Number.MAX_VALUE)

/** Any JSON value, leaning on the hostile strings and numbers above. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    nasty,
    hugeNumbers,
    fc.constantFrom(null, true, false, '', [], {}),
    fc.array(tie('value'), {maxLength: 4}),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('source', 'outputs', 'data', 'text/html', 'image/png', 'image/svg+xml', 'text/markdown', 'application/javascript', 'metadata', 'tags', 'cell_type', 'output_type')), tie('value'), {maxKeys: 4}),
  ),
})).value

type Mutation =
  | {op: 'delete'; at: number}
  | {op: 'duplicate'; at: number}
  | {op: 'replace'; at: number; value: unknown}
  | {op: 'text'; at: number; text: string}
  | {op: 'truncate'; at: number}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({op: fc.constant('delete' as const), at: fc.nat()}),
  fc.record({op: fc.constant('duplicate' as const), at: fc.nat()}),
  fc.record({op: fc.constant('replace' as const), at: fc.nat(), value: anyJson}),
  fc.record({op: fc.constant('text' as const), at: fc.nat(), text: nasty}),
  fc.record({op: fc.constant('truncate' as const), at: fc.nat()}),
)

/** Every place in a JSON value: [parent, key] pairs, in a stable order. */
function places(value: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
  const found: Array<[Record<string, unknown> | unknown[], string | number]> = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, i) => (found.push([node, i]), walk(child)))
    else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) found.push([node as Record<string, unknown>, key]), walk(child)
  }
  walk(value)
  return found
}

/** Apply mutations to a parsed notebook, then serialise it (a `truncate` cuts the JSON text). */
function mutate(original: unknown, mutations: Mutation[]): string {
  const json = structuredClone(original)
  let cut: number | undefined
  for (const m of mutations) {
    if (m.op === 'truncate') {
      cut = m.at
      continue
    }
    const all = places(json)
    if (all.length === 0) continue
    const [parent, key] = all[m.at % all.length]!
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key as string]
    } else if (m.op === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]))
      else (parent as Record<string, unknown>)[`${String(key)}_copy`] = structuredClone(parent[key as string])
    } else if (m.op === 'replace') {
      ;(parent as Record<string | number, unknown>)[key] = structuredClone(m.value)
    } else {
      const current = (parent as Record<string | number, unknown>)[key]
      ;(parent as Record<string | number, unknown>)[key] = typeof current === 'string' ? current.slice(0, m.at % (current.length + 1)) + m.text : m.text
    }
  }
  const text = JSON.stringify(json)
  return cut === undefined || cut % 7 !== 0 ? text : text.slice(0, cut % (text.length + 1))
}

const blocks = [
  '# Title', '## Section', '### Sub', 'Plain text with *emphasis*, **strong** and `code`.', '- a\n- b\n  - c', '1. one\n2. two', '> quote\n> > nested',
  '```python\nx = 1\n```', '```\nunterminated', '$$\n\\frac{a}{b}\n$$', 'Inline $x^2$ and $\\bad{$.', '\\begin{align}\na &= b \\\\\n\\end{align}',
  ':::note\nAdmonition\n:::', ':::unknown{.x}\ntext\n:::', '| a | b |\n|---|---|\n| 1 | 2 |', 'Footnote[^1].\n\n[^1]: Here.', '<div class="x">raw</div>', '<details><summary>s</summary>d</details>',
  '![img](missing.png "t")', '[page](other.md#x)', '[up](../../../../etc/passwd)', '[ext](https://example.org)', '<https://example.org>', '***', '- [ ] task\n- [x] done',
  '---\ntitle: in the middle\n---',
  // MyST and the OU's constructs, whole and broken, so their parsers meet hostile text too.
  '```{note} Title\nBody\n```', ':::{tip}\nColon fence\n:::', '::::{admonition} T\n:class: warning\n:::{note}\nnested\n:::\n::::', '```{figure} missing.png\n:name: fig-x\n:width: wide\n\nCaption\n```',
  '```{list-table}\n:header-rows: 1\n* - a\n  - b\n* - c\n```', '```{math}\n:label: eq-x\nE = mc^2\n```', '$$ a = b $$ (eq-y)', '(target)=\n## Targeted', '{numref}`fig-x` and {eq}`eq-y` and {ref}`target` and {doc}`other`',
  '{term}`Unknown term` {sub}`2` {abbr}`HTML (HyperText)` {unknownrole}`x`', '```{glossary}\nTerm\n  Definition\nOther\n: mystmd form\n```', '```{include} ../../../etc/passwd\n```', '```{include} self.md\n```',
  '````{ou-activity} Activity 1\n:timing: 1 hour\n\nDo this.\n\n```{ou-answer}\nAnswer.\n```\n````', '```{ou-exercise}\n:timing: banana\n```', '```{solution} nowhere\nSecret.\n```',
  '```{ou-interaction} single-choice\n- [x] right\n- [ ] wrong\n```', '```{ou-video} ../../../etc/passwd\n```', '```{youtube} javascript:alert(1)\n```', '```{unknown-directive}\n```', '````{ou-activity}\nunclosed',
  '{{ substitution }}', '```{mermaid}\ngraph TD; A-->B\n```', '```{tutor}\nTutor note\n```',
]
const frontMatter = fc.oneof(
  fc.constant(''),
  nasty.map((s) => `---\ntitle: ${JSON.stringify(s)}\n---\n`),
  fc.constantFrom('---\ntitle: [unclosed\n---\n', '---\n- a list\n---\n', '---\ntrust: untrusted\n---\n', '---\ntrust: author\n---\n', '---\nbinder: false\nstudy_time: "1h 30m"\n---\n'),
)
const markdownPage = fc
  .tuple(frontMatter, fc.array(fc.oneof({weight: 3, arbitrary: fc.constantFrom(...blocks)}, {weight: 2, arbitrary: nasty}), {maxLength: 25}), fc.constantFrom('\n\n', '\n', ' ', '\r\n'))
  .map(([fm, parts, sep]) => fm + parts.join(sep))

// ---- the harness ----------------------------------------------------------

let dir: string
let unit: Unit
const contexts = new Map<string, PageContext>()
function context(trust: 'author' | 'untrusted'): PageContext {
  if (!contexts.has(trust)) {
    const config = configFromObject({code: 'FUZZ1', title: 'Fuzz', trust, binder: {repo: 'org/repo'}}, dir)
    contexts.set(trust, {config, pagesBySource: new Map(), units: [unit]})
  }
  return contexts.get(trust)!
}

let counter = 0
/** Write `text` as a page and run it through the pipeline; assert the properties. */
async function checkPage(kind: 'notebook' | 'markdown', text: string, trust: 'author' | 'untrusted'): Promise<void> {
  const name = `page-${++counter}.${kind === 'notebook' ? 'ipynb' : 'md'}`
  const path = join(dir, 'content', 'week-1', name)
  writeFileSync(path, text)
  const source: PageSource = {path, relPath: `week-1/${name}`, kind, outPath: `week-1/page-${counter}.html`, unit, order: 0}
  const outcome = await processPage(context(trust), source)
  rmSync(path)
  const failures = outcome.diagnostics.filter((d) => d.ruleId === 'render-failed')
  expect(failures.map((d) => d.message)).toEqual([])
  const result = outcome.result
  if (!result) {
    expect(outcome.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    return
  }
  expect(result.body).not.toMatch(CONTROL)
  expect(result.title).not.toMatch(CONTROL)
  fromHtml(result.body, {fragment: true})
  if (trust === 'untrusted' || result.meta.trust === 'untrusted') expect(executableParts(fromHtml(result.body, {fragment: true}))).toEqual([])
  if (result.ouxml) {
    const xml = previewSession(result.ouxml)
    expect(() => xml2js(xml), xml.slice(0, 2000)).not.toThrow()
    expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/)
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cb-fuzz-'))
  mkdirSync(join(dir, 'content', 'week-1'), {recursive: true})
  unit = {dir: 'week-1', slug: 'week-1', title: 'Week 1', learningOutcomes: [], meta: {}, pages: []}
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe.skipIf(!existsSync(notebooksDir))('fuzz: mutated real notebooks through processPage', () => {
  // %%tikz cells would run the TikZ engine (seconds per diagram); TikZ has its own tests.
  const originals = existsSync(notebooksDir)
    ? listNotebooks(notebooksDir)
        .map((path) => readFileSync(path, 'utf8'))
        .filter((text) => !text.includes('tikz'))
        .map((text) => JSON.parse(text) as unknown)
    : []

  it(`${RUNS} mutated notebooks: no exception, no internal error, clean HTML, well-formed OU-XML`, async () => {
    expect(originals.length).toBeGreaterThan(15)
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, {minLength: 1, maxLength: 6}), fc.constantFrom('author' as const, 'untrusted' as const), async (pick, mutations, trust) => {
        await checkPage('notebook', mutate(originals[pick % originals.length], mutations), trust)
      }),
      params(process.env.COURSEBOOK_FUZZ_PATH),
    )
  }, 600_000)
})

describe('fuzz: random Markdown pages through processPage', () => {
  it(`${RUNS} Markdown pages: no exception, no internal error, clean HTML, well-formed OU-XML`, async () => {
    await fc.assert(
      fc.asyncProperty(markdownPage, fc.constantFrom('author' as const, 'untrusted' as const), async (text, trust) => {
        await checkPage('markdown', text, trust)
      }),
      params(process.env.COURSEBOOK_FUZZ_PATH),
    )
  }, 600_000)
})

import {cpSync, existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, relative} from 'node:path'
import type {ElementContent, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {configFromObject} from '../src/config/load.js'
import type {UserConfig} from '../src/config/schema.js'
import type {Diagnostic} from '../src/diagnostics/report.js'
import {discoverCourse} from '../src/load/discover.js'
import {processPage, type PageOutcome} from '../src/pipeline/page.js'

/** The files a page fixture case compares, in the order they are checked. */
export const expectationFiles = ['output.html', 'messages.txt', 'assets.txt'] as const

/** Files of a case folder that are not part of the course. */
const notContent = new Set<string>([...expectationFiles, 'config.json'])

/** The config every case starts from; a case's `config.json` is merged over it (top-level keys). */
export const baseConfig: UserConfig = {code: 'FIX1', title: 'Fixtures', binder: {repo: 'org/repo'}}

export interface FixtureRun {
  /** The temporary course root; `content/unit/` holds the case. */
  root: string
  outcome: PageOutcome
  /** Diagnostics of discovering the course (normally none). */
  discovery: Diagnostic[]
}

/**
 * Build a one-unit course around a case folder (copied to `<tmp>/content/unit/`)
 * and run its `input.ipynb` or `input.md` through the real page pipeline.
 */
export async function runPageFixture(folder: string): Promise<FixtureRun> {
  const root = mkdtempSync(join(tmpdir(), 'cb-page-fixture-'))
  cpSync(folder, join(root, 'content', 'unit'), {recursive: true, filter: (from) => !notContent.has(basename(from))})
  const configPath = join(folder, 'config.json')
  const extra = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as Partial<UserConfig>) : {}
  const config = configFromObject({...baseConfig, ...extra}, root)
  const discovery: Diagnostic[] = []
  const course = discoverCourse(config, (d) => discovery.push(d))
  const source = course.pagesBySource.get('unit/input.ipynb') ?? course.pagesBySource.get('unit/input.md')
  if (!source) throw new Error(`${folder} has neither input.ipynb nor input.md`)
  const outcome = await processPage({config, pagesBySource: course.pagesBySource, units: course.units}, source)
  return {root, outcome, discovery}
}

/**
 * The expectation files' text for one run. `output.html` starts with a comment
 * giving the page title, its study time when set, and "launch link" when the
 * page has a Binder link, then the body pretty-printed by `formatBody`; a page
 * with no result says so instead. `messages.txt` leaves out the OU-XML
 * export's `ouxml-*` diagnostics: these fixtures pin the web page, and the
 * export has fixtures of its own.
 */
export function formatRun(run: FixtureRun): Record<(typeof expectationFiles)[number], string> {
  const {result, diagnostics} = run.outcome
  const about = result && [`title: ${result.title}`, result.studyTime === undefined ? '' : `study time: ${result.studyTime} min`, result.launch?.length ? 'launch link' : '']
  const head = about ? `<!-- ${about.filter(Boolean).join('; ')} -->\n` : ''
  return {
    'output.html': result ? head + formatBody(result.body) : '<!-- no page: processPage returned no result -->\n',
    'messages.txt': [...run.discovery, ...diagnostics]
      .filter((d) => !d.ruleId.startsWith('ouxml-'))
      .map((d) => formatDiagnosticLine(d, run.root))
      .join(''),
    'assets.txt': (result?.assets ?? []).map((asset) => asset.outPath).sort().map((path) => `${path}\n`).join(''),
  }
}

/**
 * One diagnostic per line: `severity rule-id cell line:col message`, `-` for an
 * unknown cell or place. Cells are 1-based, as Jupyter and the CLI number them.
 * The file is shown (relative to the content folder) only when it is not the
 * page itself; the temporary course root in any text becomes `<course>`.
 */
export function formatDiagnosticLine(d: Diagnostic, root: string): string {
  const content = join(root, 'content')
  const file = d.file ? relative(content, d.file).split('\\').join('/') : ''
  const elsewhere = file && !/^unit\/input\.(ipynb|md)$/.test(file) ? ` ${file} ›` : ''
  const cell = d.cell === undefined ? '-' : `cell ${d.cell + 1}`
  const place = d.line === undefined ? '-' : `${d.line}:${d.column ?? 1}`
  const message = d.message.split(content).join('<content>').split(root).join('<course>')
  return `${d.severity} ${d.ruleId}${elsewhere} ${cell} ${place} ${message}\n`
}

// ---- Pretty-printing the article body -------------------------------------

/** Elements kept on their parent's line when everything inside them is too. */
const phrasing = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins',
  'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
])
/** Elements whose content is printed exactly as serialised, whitespace and all. */
const verbatim = new Set(['pre', 'textarea', 'script', 'style'])

/**
 * The article HTML, parsed as a browser would (a fragment) and printed one
 * block element per line, indented by nesting. Phrasing content stays on its
 * block's line, and `pre` (and `style`, `script`) is printed as serialised,
 * so significant whitespace is never changed.
 *
 * Third-party markup is normalised so that the fixtures pin coursebook's own
 * structure, not KaTeX's or shiki's (which change with their versions):
 * - a `.katex` span keeps only its TeX source (from the MathML annotation) as
 *   text, so `<span class="katex">x^2</span>`;
 * - a shiki `<pre class="shiki …">` keeps its classes and becomes
 *   `<pre class="shiki …"><code>plain text</code></pre>`, the token spans
 *   and inline theme colours dropped.
 */
export function formatBody(html: string): string {
  const tree = fromHtml(html, {fragment: true})
  normaliseKatex(tree)
  normaliseShiki(tree)
  const lines: string[] = []
  for (const child of tree.children) formatNode(child, 0, lines)
  return lines.map((line) => `${line}\n`).join('')
}

function normaliseKatex(tree: Root): void {
  for (const span of selectAll('.katex', tree)) {
    const annotation = select('annotation[encoding="application/x-tex"]', span)
    span.children = [{type: 'text', value: annotation ? toString(annotation) : '(no TeX annotation)'}]
  }
}

function normaliseShiki(tree: Root): void {
  for (const pre of selectAll('pre.shiki', tree)) {
    pre.properties = {className: pre.properties.className}
    pre.children = [{type: 'element', tagName: 'code', properties: {}, children: [{type: 'text', value: toString(pre)}]}]
  }
}

function formatNode(node: RootContent | ElementContent, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth)
  if (node.type === 'text') {
    if (node.value.trim() !== '') lines.push(indent + serialise({type: 'text', value: node.value.trim()}))
    return
  }
  if (node.type === 'comment') {
    lines.push(indent + serialise(node))
    return
  }
  if (node.type !== 'element') return
  if (verbatim.has(node.tagName)) {
    lines.push(indent + serialise(node))
    return
  }
  // Void elements have no children, so they always take this branch.
  if (node.children.every(isInline)) {
    // Whitespace between a block's tag and its inline content is insignificant.
    lines.push(indent + serialise({...node, children: trimEdges(node.children)}))
    return
  }
  const open = serialise({...node, children: []}).replace(new RegExp(`</${node.tagName}>$`), '')
  lines.push(indent + open)
  for (const child of node.children) formatNode(child, depth + 1, lines)
  lines.push(`${indent}</${node.tagName}>`)
}

/** HTML as hast-util-to-html writes it, with named character references (`&lt;`, not `&#x3C;`) for legibility. */
function serialise(node: Root | RootContent): string {
  return toHtml(node, {allowDangerousHtml: true, characterReferences: {useNamedReferences: true}})
}

function trimEdges(children: ElementContent[]): ElementContent[] {
  const blank = (child: ElementContent | undefined) => child?.type === 'text' && child.value.trim() === ''
  const result = [...children]
  while (blank(result[0])) result.shift()
  while (blank(result.at(-1))) result.pop()
  return result
}

function isInline(node: ElementContent): boolean {
  if (node.type === 'text' || node.type === 'comment') return true
  return node.type === 'element' && phrasing.has(node.tagName) && node.children.every(isInline)
}


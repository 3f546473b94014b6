import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {xml2js, type Element} from 'xml-js'
import {configFromObject} from '../../../src/config/load.js'
import type {UserConfig} from '../../../src/config/schema.js'
import type {Diagnostic} from '../../../src/diagnostics/report.js'
import {discoverCourse} from '../../../src/load/discover.js'
import {processPage} from '../../../src/pipeline/page.js'
import type {PageResult} from '../../../src/pipeline/types.js'
import {previewSession} from '../../../src/export/ouxml/fragment.js'

export const baseConfig: UserConfig = {code: 'OUX1', title: 'Export course'}

/** A temporary course folder with `files` under `content/` (paths relative to it). */
export function writeCourse(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'cb-ouxml-'))
  for (const [path, data] of Object.entries(files)) {
    const target = join(root, 'content', path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, data)
  }
  return root
}

export interface ConvertedPage {
  result: PageResult
  /** The page's session content as the page pipeline wrote it, parsed back: a `Session` element (cross-references as `CrossRef ref`). */
  session: Element
  xml: string
  diagnostics: Diagnostic[]
}

/**
 * Run one page of a small course through the real page pipeline and return
 * its OU-XML session content, as written by the page pipeline and parsed
 * back with xml-js (assertions are on structure, not strings).
 */
export async function convertPage(files: Record<string, string | Uint8Array>, page: string, config: Partial<UserConfig> = {}): Promise<ConvertedPage> {
  const root = writeCourse(files)
  const resolved = configFromObject({...baseConfig, ...config}, root)
  const course = discoverCourse(resolved, () => undefined)
  const source = course.pagesBySource.get(page)
  if (!source) throw new Error(`no page ${page}`)
  const {result, diagnostics} = await processPage({config: resolved, pagesBySource: course.pagesBySource, units: course.units}, source)
  if (!result?.ouxml) throw new Error(`${page} produced no OU-XML: ${JSON.stringify(diagnostics)}`)
  const xml = previewSession(result.ouxml)
  return {result, session: parseXml(xml), xml, diagnostics}
}

/** Convert a single Markdown page `unit/page.md`. */
export function convertMarkdown(markdown: string, config: Partial<UserConfig> = {}): Promise<ConvertedPage> {
  return convertPage({'unit/page.md': markdown}, 'unit/page.md', config)
}

/** A notebook JSON with the given cells (nbformat 4.5). */
export function notebook(cells: unknown[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {kernelspec: {name: 'python3', display_name: 'Python 3', language: 'python'}, language_info: {name: 'python'}},
    cells: cells.map((cell, i) => ({id: `c${i}`, metadata: {}, ...(cell as object)})),
  })
}

/** Parse XML into xml-js elements and return the root element. */
export function parseXml(xml: string): Element {
  const doc = xml2js(xml, {compact: false, captureSpacesBetweenElements: false}) as Element
  return doc.elements!.find((e) => e.type === 'element')!
}

/** The element children of an element. */
export function kids(element: Element | undefined): Element[] {
  return (element?.elements ?? []).filter((e) => e.type === 'element')
}

/** Names of the element children, for asserting structure in one line. */
export function names(element: Element | undefined): string[] {
  return kids(element).map((e) => e.name!)
}

/** Every descendant element with this name, in document order. */
export function all(element: Element | undefined, name: string): Element[] {
  const out: Element[] = []
  const walk = (e: Element) => {
    for (const child of kids(e)) {
      if (child.name === name) out.push(child)
      walk(child)
    }
  }
  if (element) walk(element)
  return out
}

/** The first descendant element with this name. */
export function first(element: Element | undefined, name: string): Element | undefined {
  return all(element, name)[0]
}

/** All the text in an element, as written. */
export function textOf(element: Element | undefined): string {
  if (!element) return ''
  if (element.type === 'text') return String(element.text)
  return (element.elements ?? []).map(textOf).join('')
}

/** Diagnostics with this rule id. */
export function withRule(diagnostics: readonly Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === rule)
}

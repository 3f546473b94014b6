import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {expect} from 'vitest'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'
import {tempCourse} from '../sites/helpers.js'

/** A diagnostic as the CLI printed it: `severity path › place  message  [rule-id]`, then `hint: …`. */
export interface Printed {
  severity: string
  /** The file as printed (relative to the working directory). */
  file: string
  place?: string
  message: string
  ruleId: string
  hint?: string
}

export interface Run {
  code: number
  stdout: string[]
  stderr: string[]
  diagnostics: Printed[]
}

/** The page every bad-input course also has; it must be built whatever else goes wrong. */
export const okPage = {path: 'week-1/01-fine.md', text: '# Still here\n\nThis page is fine.\n', outPath: 'week-1/01-fine.html'}

export const defaultConfig = `export default {code: 'BAD1', title: 'Bad input course', baseUrl: 'https://courses.example.org/bad1/'}\n`

/**
 * A course folder with `site.config.ts` (`config`, default {@link defaultConfig}),
 * the fine page, and `files` under `content/` (strings or bytes).
 */
export function courseWith(files: Record<string, string | Uint8Array>, config = defaultConfig): string {
  const course = tempCourse('cb-bad-')
  created.push(course.root)
  writeFileSync(join(course.root, 'site.config.ts'), config)
  const all = {[okPage.path]: okPage.text, ...files}
  for (const [path, data] of Object.entries(all)) {
    const target = join(course.root, 'content', path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, data)
  }
  return course.root
}

const created: string[] = []

/** Delete every course folder `courseWith` made (call from afterAll). */
export function removeCourses(): void {
  for (const root of created.splice(0)) rmSync(root, {recursive: true, force: true})
}

/** Run `coursebook build` in-process on a course folder, capturing what it prints. */
export async function runBuild(root: string, args: string[] = []): Promise<Run> {
  const stdout: string[] = []
  const stderr: string[] = []
  const output: Output = {out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
  const code = await main(['build', '--config', join(root, 'site.config.ts'), ...args], output)
  return {code, stdout, stderr, diagnostics: stderr.flatMap(parsePrinted)}
}

const LINE = /^(error|warning|info)\s+(.*?)(?: › (.*?))? {2}(.*) {2}\[([a-z0-9-]+)\]$/s

function parsePrinted(text: string): Printed[] {
  const [head, hintLine] = text.split('\n')
  const match = LINE.exec(head ?? '')
  if (!match) return []
  const hint = hintLine?.replace(/^\s+hint: /, '')
  return [{severity: match[1]!, file: match[2]!, place: match[3], message: match[4]!, ruleId: match[5]!, hint}]
}

/** What one expected diagnostic must be: its rule, severity, exact message, and the file it names (content-relative). */
export interface Expected {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  file: string
  message: string
  /** `line:col`, `cell N`, or `cell N line:col`, as printed. */
  place?: string
}

/** Assert that `run` printed the diagnostic, naming the file, with a hint that says what to do. */
export function expectDiagnostic(run: Run, expected: Expected): Printed {
  const candidates = run.diagnostics.filter((d) => d.ruleId === expected.ruleId && d.file.endsWith(expected.file))
  const found = candidates.find((d) => d.message === expected.message && (expected.place === undefined || d.place === expected.place))
  expect(found, `${expected.ruleId} on ${expected.file}; printed:\n${run.stderr.join('\n')}`).toBeTruthy()
  expect(found!.severity).toBe(expected.severity)
  if (expected.place !== undefined) expect(found!.place).toBe(expected.place)
  expect(found!.hint, `hint of ${expected.ruleId}`).toMatch(/\w{3,}/)
  return found!
}

/** The built site's files, relative to `dist/`, sorted. */
export function siteFiles(root: string, dist = 'dist'): string[] {
  const base = join(root, dist)
  if (!existsSync(base)) return []
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [relative(base, path)]
    })
  return walk(base).sort()
}

/** Assert that the fine page, and these pages, were built. */
export function expectBuilt(root: string, ...outPaths: string[]): void {
  for (const outPath of [okPage.outPath, ...outPaths]) expect(existsSync(join(root, 'dist', outPath)), outPath).toBe(true)
}

/** C0 and C1 control characters other than tab, line feed and carriage return, and DEL, as UTF-8 bytes would decode. */
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/

/** Assert that no written text file (HTML, and OU-XML when exported) holds a control character, checking the bytes. */
export function expectNoControlCharacters(root: string): void {
  const texts = siteFiles(root).filter((f) => /\.(html|xml)$/.test(f))
  expect(texts.length).toBeGreaterThan(0)
  for (const file of texts) {
    const bytes = readFileSync(join(root, 'dist', file))
    // Raw C0 bytes and DEL; C1 controls are two-byte sequences C2 80–C2 9F in UTF-8.
    const c0 = bytes.findIndex((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f)
    expect(c0, `${file}: control byte at ${c0}`).toBe(-1)
    for (let i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) expect.fail(`${file}: C1 control at byte ${i}`)
    }
    // Not even as a character reference.
    expect(bytes.toString('utf8'), file).not.toMatch(/&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));/i)
  }
}

/** A minimal nbformat 4.5 notebook with these cells. */
export function notebook(cells: unknown[], metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {kernelspec: {name: 'python3', display_name: 'Python 3', language: 'python'}, language_info: {name: 'python'}, ...metadata},
    cells,
  })
}

export function markdownCell(id: string, source: string, extra: Record<string, unknown> = {}) {
  return {cell_type: 'markdown', id, metadata: {}, source, ...extra}
}

export function codeCell(id: string, source: string, outputs: unknown[] = [], count = 1) {
  return {cell_type: 'code', id, metadata: {}, execution_count: count, source, outputs}
}

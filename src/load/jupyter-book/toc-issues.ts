import type * as z from 'zod'
import type {Diagnostic} from '../../diagnostics/report.js'
import {bookDiagnostic} from './diagnostic.js'
import {ENTRY_KEYS, FORMAT_KEYS, LEGACY_KEYS, ROOT_KEYS, TOCTREE_OPTIONS, type ModernFormat} from './toc-schema.js'
import type {YamlSource} from './yaml-source.js'

type Path = ReadonlyArray<PropertyKey>

export interface IssueContext {
  file: string
  source: YamlSource
  format: ModernFormat | 'legacy'
}

/** `parts[0].chapters[2]`: a key path as a reader finds it in the file. */
export function formatPath(path: Path): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '')
}

/** Where a problem is: "at the top of the table of contents" or "in `parts[0]`". */
function placeOf(path: Path, data: unknown): string {
  if (path.length === 0) return 'at the top of the table of contents'
  return `in \`${formatPath(path)}\`${describeEntry(valueAt(data, path))}`
}

/** ` (file "intro")` or ` (caption "Part 1")`: what an entry is, to find it in the file. */
export function describeEntry(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ''
  const record = value as Record<string, unknown>
  for (const key of ['file', 'url', 'glob', 'caption', 'part', 'title']) {
    if (typeof record[key] === 'string') return ` (${key} "${record[key]}")`
  }
  return ''
}

export function valueAt(data: unknown, path: Path): unknown {
  let current = data
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

/** The keys allowed in the mapping at `path`, for the message about an unknown one. */
function allowedKeys(path: Path, format: IssueContext['format']): readonly string[] {
  if (format === 'legacy') return LEGACY_KEYS
  const {top, nested} = FORMAT_KEYS[format]
  if (path.length === 0) return [...ROOT_KEYS, top.subtrees, top.items]
  const last = path.at(-1)
  if (last === 'options' || last === 'defaults') return TOCTREE_OPTIONS
  if (typeof last === 'number') {
    if (path.length === 2 && path[0] === top.subtrees) return [top.items, ...TOCTREE_OPTIONS]
    if (path.at(-2) === nested.subtrees) return [nested.items, ...TOCTREE_OPTIONS]
  }
  return [...ENTRY_KEYS, nested.subtrees, nested.items]
}

/** A hint for the unknown keys people write by habit from another format. */
function unknownKeyHint(key: string, path: Path, format: IssueContext['format']): string | undefined {
  if (format === 'legacy') return undefined
  const {top} = FORMAT_KEYS[format]
  if (['part', 'chapter', 'header'].includes(key)) {
    return `\`${key}:\` entries belong to the old (Jupyter Book ≤0.10) list format; write \`format: jb-book\` with \`parts:\` at the top, each \`- caption: …\` holding its \`chapters:\`.`
  }
  if (path.length === 0 && (key === 'url' || key === 'file')) return `The first page is named with \`root:\`, e.g. \`root: intro\` (rename \`${key}:\` to \`root:\`).`
  if (path.length === 0 && key === 'sections' && format === 'jb-book') return 'jb-book lists its top-level pages under `chapters:` (or `parts:`); `sections:` is for jb-article and for pages below a chapter.'
  if (key === 'chapters' && !(path.length === 0 || (path.length === 2 && path[0] === top.subtrees))) {
    return '`chapters:` is only for the top level of a jb-book (`format: jb-book`); below a page, list its pages under `sections:`.'
  }
  return undefined
}

function closest(key: string, known: readonly string[]): string | undefined {
  let best: {k: string; d: number} | undefined
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase())
    if (!best || d < best.d) best = {k, d}
  }
  // Close enough to be a typo: one edit in a short key, two in a long one (`foo` is not `root`).
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.k : undefined
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping (`key: value` lines)',
  array: 'a list (lines starting with `-`)',
  string: 'text',
  boolean: 'true or false',
  number: 'a whole number',
  int: 'a whole number',
}

const EXPECTED_BY_KEY: Record<string, string> = {
  numbered: 'true, false or a number (the depth to number to)',
  style: 'a numbering style (e.g. `numerical`) or a list of them',
  maxdepth: 'a whole number',
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `text (\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\`)`
  return `${typeof value === 'number' ? 'the number' : 'the value'} \`${String(value)}\``
}

/**
 * Turn the schema's issues into diagnostics that say, in the toc's own
 * terms, what is wrong and where: the key path, the entry (its file or
 * caption), the line, and what would be right.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): Diagnostic[] {
  const data = ctx.source.data
  const out: Diagnostic[] = []
  const add = (message: string, at: ReturnType<YamlSource['locate']>, hint?: string) => out.push(bookDiagnostic('toc-invalid', message, ctx.file, at, hint))
  for (const issue of issues) {
    const path = issue.path
    const where = formatPath(path)
    const key = String(path.at(-1) ?? '')
    const value = valueAt(data, path)
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const unknown of issue.keys) {
          const allowed = allowedKeys(path, ctx.format)
          const near = closest(unknown, allowed)
          const advice = near ? `did you mean \`${near}\`?` : `allowed here: ${allowed.join(', ')}`
          add(`Unknown key \`${unknown}\` ${placeOf(path, data)}; ${advice}`, ctx.source.locateKey(path, unknown), unknownKeyHint(unknown, path, ctx.format))
        }
        break
      case 'invalid_type':
        if (value === undefined) add(missingMessage(path, data, ctx), ctx.source.locate(path.slice(0, -1)), missingHint(key, ctx))
        else {
          const expected = EXPECTED_BY_KEY[key] ?? EXPECTED[issue.expected] ?? issue.expected
          const example = issue.expected === 'object' && typeof value === 'string' ? `, e.g. \`file: ${value}\`` : ''
          add(`\`${where}\` must be ${expected}${example}, not ${describeValue(value)}`, ctx.source.locate(path))
        }
        break
      case 'invalid_union':
        add(`\`${where}\` must be ${EXPECTED_BY_KEY[key] ?? 'of another type'}, not ${describeValue(value)}`, ctx.source.locate(path))
        break
      case 'too_small':
        if (issue.origin === 'array') add(`\`${where}\` is an empty list${describeEntry(valueAt(data, path.slice(0, -1)))}`, ctx.source.locate(path), 'Give it at least one entry, or remove the key.')
        else add(`\`${where}\` is empty`, ctx.source.locate(path))
        break
      case 'invalid_value':
        if (key === 'format') add(`\`format: ${String(value)}\` is not a toc format; use \`jb-book\` or \`jb-article\`, or leave it out for the general sphinx-external-toc form`, ctx.source.locate(path))
        else add(`\`${where}\` must be one of ${issue.values.map(String).join(', ')}, not ${describeValue(value)}`, ctx.source.locate(path))
        break
      default:
        add(`\`${where}\`: ${issue.message}`, ctx.source.locate(path))
    }
  }
  return out
}

function missingMessage(path: Path, data: unknown, ctx: IssueContext): string {
  const key = String(path.at(-1))
  if (path.length === 1 && key === 'root') return 'The table of contents has no `root:` naming the first page of the book'
  const parent = path.slice(0, -1)
  return `\`${formatPath(parent)}\`${describeEntry(valueAt(data, parent))} has no \`${key}\` list${ctx.format === 'legacy' ? '' : ': a part needs at least one entry'}`
}

function missingHint(key: string, ctx: IssueContext): string | undefined {
  if (key === 'root') return 'Add `root: intro` at the top: the book\'s first page, relative to the book folder, without extension.'
  if (ctx.format === 'legacy') return undefined
  return `Add \`${key}:\` with at least one \`- file: …\`, or remove the empty part.`
}

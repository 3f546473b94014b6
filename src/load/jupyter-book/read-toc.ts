import {readFileSync} from 'node:fs'
import type {Diagnostic} from '../../diagnostics/report.js'
import {bookDiagnostic} from './diagnostic.js'
import {describeIssues} from './toc-issues.js'
import {isRecord} from './toc-entries.js'
import {readLegacyToc} from './toc-legacy.js'
import {readModernToc} from './toc-modern.js'
import {legacyTocSchema, modernTocSchema, type ModernFormat} from './toc-schema.js'
import type {BookToc} from './toc-types.js'
import {parseYamlSource} from './yaml-source.js'

export interface TocReading {
  /** The toc as far as it could be read; absent when nothing usable was found (diagnostics say why). */
  toc?: BookToc
  /** Every problem found, each with the toc file and, where known, its line. */
  diagnostics: Diagnostic[]
}

/**
 * Read a `_toc.yml` in any Jupyter Book format. Never throws: every problem
 * is a diagnostic (`toc-invalid`) at its line, and whatever can be read
 * around it is kept, so that one bad entry costs one page, not the book.
 * The format is told by the data: a list (or a mapping with `file:` and no
 * `root:`) is the old ≤0.10 format; otherwise `format:` names jb-book or
 * jb-article, and without it the mapping is sphinx-external-toc's general form.
 */
export function parseToc(text: string, file: string): TocReading {
  const diagnostics: Diagnostic[] = []
  const report = (d: Diagnostic) => diagnostics.push(d)
  const source = parseYamlSource(text)
  if (source.error) {
    report(bookDiagnostic('toc-invalid', `The table of contents is not valid YAML: ${source.error.message}`, file, source.error.at, 'Fix the YAML at the line given (indentation, a missing colon, an unclosed quote or bracket).'))
    return {diagnostics}
  }
  const data = source.data
  if (data === null || data === undefined) {
    report(bookDiagnostic('toc-invalid', 'The table of contents is empty', file, {line: 1, column: 1}, 'Name the first page and the chapters: `format: jb-book`, `root: intro`, `chapters: - file: …`.'))
    return {diagnostics}
  }
  const context = {file, source, report}
  if (Array.isArray(data) || (isRecord(data) && 'file' in data && !('root' in data) && !('format' in data))) {
    const schema = Array.isArray(data) ? legacyTocSchema.list : legacyTocSchema.single
    const parsed = schema.safeParse(data)
    if (!parsed.success) diagnostics.push(...describeIssues(parsed.error.issues, {file, source, format: 'legacy'}))
    return {toc: usable(readLegacyToc(data, context)), diagnostics: byLine(diagnostics)}
  }
  if (!isRecord(data)) {
    report(bookDiagnostic('toc-invalid', `The table of contents must be a mapping (\`root: …\`), or a list in the old format, not ${typeof data === 'string' ? 'text' : `the ${typeof data} ${String(data)}`}`, file, source.locate([])))
    return {diagnostics}
  }
  const format: ModernFormat = data.format === 'jb-book' || data.format === 'jb-article' ? data.format : 'default'
  const parsed = modernTocSchema(format).safeParse(data)
  if (!parsed.success) diagnostics.push(...describeIssues(parsed.error.issues, {file, source, format}))
  return {toc: usable(readModernToc(data, format, context)), diagnostics: byLine(diagnostics)}
}

/** Read and parse a toc file; an unreadable file is a diagnostic too. */
export function readToc(path: string): TocReading {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return {diagnostics: [bookDiagnostic('toc-missing', `The table of contents ${path} could not be read: ${(error as Error).message}`, path)]}
  }
  return parseToc(text, path)
}

/** In the order of the file, as a reader fixes them. */
function byLine(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/** A toc that names no page at all gives nothing to build. */
function usable(toc: BookToc): BookToc | undefined {
  return toc.root || toc.parts.some((part) => part.entries.length > 0) ? toc : undefined
}

import type {Diagnostic} from '../../diagnostics/report.js'
import {bookDiagnostic} from './diagnostic.js'
import {describeEntry, formatPath} from './toc-issues.js'
import type {TocEntry} from './toc-types.js'
import type {YamlSource} from './yaml-source.js'

type Path = ReadonlyArray<PropertyKey>

/** What reading entries needs: where they are written, and where problems go. */
export interface EntryContext {
  file: string
  source: YamlSource
  report: (diagnostic: Diagnostic) => void
  /** Keys allowed on an entry: one not among them was already reported by the schema. */
  allowedKeys: readonly string[]
  /** The keys that hold an entry's children: each is a list of entries, or (`subtrees`) a list of subtrees of `subtreeItems`. */
  childKeys: {items: readonly string[]; subtrees?: string; subtreeItems?: string}
}

const LINK_KEYS = ['file', 'url', 'glob'] as const
/** sphinx-external-toc's test for a URL entry (Sphinx's own `url_re`): a scheme and `://`. */
const URL_PATTERN = /^.+:\/\/.*/

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * Read a list of toc entries into the model, leniently: an entry that names
 * no page, or names two things at once, is reported at its line and left
 * out; everything readable around it is kept. Type and key errors were
 * reported by the schema already and are skipped here without a second
 * message.
 */
export function readEntries(list: unknown, path: Path, ctx: EntryContext): TocEntry[] {
  if (!Array.isArray(list)) return []
  const entries: TocEntry[] = []
  list.forEach((value, index) => {
    const entry = readEntry(value, [...path, index], ctx)
    if (entry) entries.push(entry)
  })
  return entries
}

/** Read one entry written at `path`; undefined when it names nothing usable (reported). */
export function readEntry(value: unknown, path: Path, ctx: EntryContext): TocEntry | undefined {
  if (!isRecord(value)) return undefined
  const where = `\`${formatPath(path)}\``
  const at = ctx.source.locate(path)
  const problem = (message: string, hint?: string, place = at) => ctx.report(bookDiagnostic('toc-invalid', message, ctx.file, place, hint))
  const links = LINK_KEYS.filter((key) => key in value)
  const hasUnknownKeys = Object.keys(value).some((key) => !ctx.allowedKeys.includes(key))
  if (links.length === 0) {
    if (!hasUnknownKeys) {
      problem(`Entry ${where}${describeEntry(value)} has no \`file\`, \`url\` or \`glob\`, so it names no page`, 'Add `file: path/to/page` (relative to the book folder, without extension), or `url: https://…` with a `title`.')
    }
    return undefined
  }
  if (links.length > 1) {
    problem(`Entry ${where} has both ${links.map((k) => `\`${k}\``).join(' and ')}; an entry names one page, one URL or one glob, so it is left out`, 'Split it into one entry per page, URL or glob.')
    return undefined
  }
  const [link] = links
  const target = value[link!]
  if (typeof target !== 'string' || !target) return undefined
  const childKeys = [...ctx.childKeys.items, ...(ctx.childKeys.subtrees ? [ctx.childKeys.subtrees] : [])].filter((key) => key in value)
  if (link === 'file') {
    if (childKeys.length > 1) problem(`Entry ${where}${describeEntry(value)} has both ${childKeys.map((k) => `\`${k}\``).join(' and ')}; use one`, undefined)
    return {kind: 'file', path: target, title: optionalText(value.title), children: readChildren(value, path, ctx), at}
  }
  if (childKeys.length > 0) {
    problem(`Entry ${where} is a ${link === 'url' ? 'URL' : 'glob'}, which cannot have its own \`${childKeys[0]}\`; they are ignored`, 'Move the pages under a `file:` entry.')
  }
  if (link === 'glob') return {kind: 'glob', pattern: target, at}
  if (!URL_PATTERN.test(target)) {
    problem(
      `\`url: ${target}\` in ${where} is not an absolute URL (it has no scheme such as https://)`,
      `For a page of the book, write \`file: ${target}\`; for a web page, give the whole URL.`,
      ctx.source.locateKey(path, 'url'),
    )
    return undefined
  }
  return {kind: 'url', url: target, title: optionalText(value.title), at}
}

function readChildren(value: Record<string, unknown>, path: Path, ctx: EntryContext): TocEntry[] {
  const children: TocEntry[] = []
  for (const key of ctx.childKeys.items) children.push(...readEntries(value[key], [...path, key], ctx))
  const {subtrees, subtreeItems} = ctx.childKeys
  if (subtrees && subtreeItems && Array.isArray(value[subtrees])) {
    ;(value[subtrees] as unknown[]).forEach((subtree, index) => {
      if (isRecord(subtree)) children.push(...readEntries(subtree[subtreeItems], [...path, subtrees, index, subtreeItems], ctx))
    })
  }
  return children
}

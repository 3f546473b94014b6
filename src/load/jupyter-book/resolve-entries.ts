import {existsSync, readdirSync, statSync} from 'node:fs'
import {isAbsolute, join, posix, relative, sep} from 'node:path'
import type {Diagnostic} from '../../diagnostics/report.js'
import {isIgnoredName} from '../discover.js'
import {isPlainFile} from '../plain-file.js'
import {byNaturalOrder} from '../slug.js'
import {bookDiagnostic} from './diagnostic.js'
import {globToRegExp} from './glob.js'
import type {TocEntry, TocFileEntry} from './toc-types.js'
import type {SourcePoint} from './yaml-source.js'

/** A toc entry's file, found on disk. */
export interface BookFile {
  path: string
  /** Relative to the book folder, forward slashes. */
  relPath: string
  kind: 'markdown' | 'notebook'
}

const PAGE_EXTENSIONS: ReadonlyArray<[string, BookFile['kind']]> = [['.md', 'markdown'], ['.ipynb', 'notebook']]
/** Sources Jupyter Book builds that coursebook does not read; tried after the page extensions. */
const UNSUPPORTED_EXTENSIONS = ['.rst', '.Rmd', '.myst', '.py', '.R', '.jl']

/**
 * Resolve toc entries to the book's files, in toc order, each at most once:
 * a `file:` without extension is tried as `.md`, then `.ipynb`; a missing
 * file, a reStructuredText page, a path out of the book, a second listing,
 * a glob that matches nothing and a `url:` (the navigation holds pages
 * only) are each reported at the entry's line and left out.
 */
export function createEntryResolver(bookDir: string, tocFile: string, report: (d: Diagnostic) => void) {
  const seen = new Map<string, SourcePoint | undefined>()
  let allFiles: BookFile[] | undefined
  const note = (ruleId: Parameters<typeof bookDiagnostic>[0], message: string, at?: SourcePoint) => report(bookDiagnostic(ruleId, message, tocFile, at))

  const take = (file: BookFile, at: SourcePoint | undefined, quiet: boolean): BookFile | undefined => {
    if (seen.has(file.path)) {
      const first = seen.get(file.path)
      if (!quiet) note('toc-entry-duplicate', `${file.relPath} is listed more than once${first ? ` (first at line ${first.line})` : ''}; it is built where it first appears`, at)
      return undefined
    }
    seen.set(file.path, at)
    return file
  }

  const resolveFile = (entry: TocFileEntry): BookFile | undefined => {
    const wanted = entry.path.replace(/\\/g, '/').replace(/^\.\//, '')
    const absolute = join(bookDir, wanted)
    const rel = relative(bookDir, absolute)
    if (isAbsolute(wanted) || rel.startsWith('..') || isAbsolute(rel)) {
      note('path-outside-content', `The table of contents names "${entry.path}", outside the book folder; it is not built`, entry.at)
      return undefined
    }
    const found = findFile(absolute, wanted, report)
    if (!found) {
      note('toc-entry-missing', `The table of contents names "${entry.path}", but there is no ${describeTried(wanted)} in the book folder`, entry.at)
      return undefined
    }
    if ('unsupported' in found) {
      note('toc-file-unsupported', `${found.unsupported} is not a page coursebook can build (only .md and .ipynb); it is left out`, entry.at)
      return undefined
    }
    return take({path: found.path, relPath: toPosix(relative(bookDir, found.path)), kind: found.kind}, entry.at, false)
  }

  const pageFiles = (): BookFile[] => (allFiles ??= listBookPages(bookDir))

  return {
    /** The file a `file:` entry names, or undefined (reported). */
    resolveFile,
    /** Every file an entry list names, its children after each page, globs expanded, in order. */
    resolveEntries(entries: readonly TocEntry[]): BookFile[] {
      const out: BookFile[] = []
      const walk = (list: readonly TocEntry[]) => {
        for (const entry of list) {
          if (entry.kind === 'url') {
            note('toc-url-dropped', `The link "${entry.title ?? entry.url}" (${entry.url}) is not in the course navigation, which lists pages only`, entry.at)
          } else if (entry.kind === 'glob') {
            const pattern = globToRegExp(entry.pattern)
            const matches = pageFiles().filter((f) => pattern.test(f.relPath.replace(/\.(md|ipynb)$/i, '')) || pattern.test(f.relPath))
            if (matches.length === 0) note('toc-glob-empty', `\`glob: ${entry.pattern}\` matches no .md or .ipynb file in the book folder`, entry.at)
            for (const file of matches) {
              const taken = take(file, entry.at, true)
              if (taken) out.push(taken)
            }
          } else {
            const file = resolveFile(entry)
            if (file) out.push(file)
            walk(entry.children)
          }
        }
      }
      walk(entries)
      return out
    },
    /** Whether a file was taken by some entry. */
    listed: (path: string) => seen.has(path),
    pageFiles,
  }
}

/** The page a toc path names, trying the page extensions; or the unsupported source it names instead. */
function findFile(absolute: string, wanted: string, report: (d: Diagnostic) => void): {path: string; kind: BookFile['kind']} | {unsupported: string} | undefined {
  const lower = wanted.toLowerCase()
  const given = PAGE_EXTENSIONS.find(([ext]) => lower.endsWith(ext))
  if (given) return isPlainFile(absolute, report) ? {path: absolute, kind: given[1]} : undefined
  for (const [ext, kind] of PAGE_EXTENSIONS) {
    if (isPlainFile(absolute + ext, report)) return {path: absolute + ext, kind}
  }
  const other = [absolute, ...UNSUPPORTED_EXTENSIONS.map((ext) => absolute + ext)].find((path) => existsSync(path) && statSync(path).isFile())
  if (other) {
    return {unsupported: toPosix(wanted) + (other === absolute ? '' : other.slice(absolute.length))}
  }
  return undefined
}

function describeTried(wanted: string): string {
  return PAGE_EXTENSIONS.some(([ext]) => wanted.toLowerCase().endsWith(ext)) ? `file ${wanted}` : `${wanted}.md or ${wanted}.ipynb`
}

/** Every .md and .ipynb file of the book folder (ignoring dotfiles, `_build`, checkpoints), in natural order. */
export function listBookPages(bookDir: string): BookFile[] {
  const found: BookFile[] = []
  const walk = (folder: string) => {
    let entries
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      return
    }
    for (const e of entries.filter((x) => !isIgnoredName(x.name)).sort((a, b) => byNaturalOrder(a.name, b.name))) {
      const path = join(folder, e.name)
      if (e.isDirectory()) walk(path)
      else if (e.isFile()) {
        const kind = PAGE_EXTENSIONS.find(([ext]) => e.name.toLowerCase().endsWith(ext))?.[1]
        if (kind) found.push({path, relPath: toPosix(relative(bookDir, path)), kind})
      }
    }
  }
  walk(bookDir)
  return found
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join(posix.sep)
}

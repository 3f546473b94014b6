import {existsSync, readFileSync, statSync} from 'node:fs'
import {basename, posix, resolve} from 'node:path'
import type {Course, PageSource, Unit} from '../../pipeline/types.js'
import type {ResolvedConfig} from '../../config/schema.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {CoursebookError, ContentMissing} from '../../diagnostics/errors.js'
import {isPlainFile} from '../plain-file.js'
import {slugify} from '../slug.js'
import {bookDiagnostic} from './diagnostic.js'
import {readToc} from './read-toc.js'
import {createEntryResolver, type BookFile} from './resolve-entries.js'

/**
 * Find the course a Jupyter Book table of contents describes. Each part is a
 * unit, titled by its caption; a toc without parts is one unit (titled by
 * `toc.unitTitle`, else the course title) holding the chapters and their
 * sections in order. The root page introduces the course home when it is
 * Markdown, as `content/index.md` does; a root notebook is the first page of
 * the first unit. Only the files the toc lists are built (as Jupyter Book's
 * `only_build_toc_files`); the others get a `toc-file-unlisted` note. Toc
 * problems are diagnostics: the book builds with every entry that resolves.
 */
export function discoverBookCourse(config: ResolvedConfig, report: (d: Diagnostic) => void): Course {
  const bookDir = config.contentPath
  if (!existsSync(bookDir) || !statSync(bookDir).isDirectory()) {
    throw new CoursebookError(ContentMissing, `Book folder ${bookDir} does not exist`, {file: config.configPath})
  }
  const tocFile = resolve(config.root, config.toc!.file)
  if (!isPlainFile(tocFile, report)) {
    report(bookDiagnostic('toc-missing', `There is no table of contents ${basename(tocFile)} in ${config.root}, so the book has no pages`, tocFile))
    return emptyCourse()
  }
  const {toc, diagnostics} = readToc(tocFile)
  diagnostics.forEach(report)
  if (!toc) return emptyCourse()

  const resolver = createEntryResolver(bookDir, tocFile, report)
  const root = toc.root ? resolver.resolveFile(toc.root) : undefined
  const parts = toc.parts.map((part) => ({caption: part.caption, files: resolver.resolveEntries(part.entries)}))
  if (root?.kind === 'notebook') {
    if (parts.length === 0) parts.push({caption: undefined, files: []})
    parts[0]!.files.unshift(root)
  }

  const usedSlugs = new Set<string>()
  const units: Unit[] = []
  parts.forEach((part, index) => {
    if (part.files.length === 0) return
    const fallback = parts.length === 1 ? config.toc!.unitTitle ?? config.title : `Part ${index + 1}`
    const title = (toc.hasParts ? part.caption : undefined) ?? fallback
    units.push(bookUnit(title, part.files, usedSlugs))
  })
  const pages = units.flatMap((unit) => unit.pages)
  const pagesBySource = new Map<string, PageSource>(pages.map((p) => [p.relPath, p]))
  const intro = root?.kind === 'markdown' ? {path: root.path, source: readFileSync(root.path, 'utf8')} : undefined
  // Links to the root page lead to the course home, where its text is shown.
  if (intro && root) pagesBySource.set(root.relPath, homePage(root, config.title))

  for (const file of resolver.pageFiles()) {
    if (resolver.listed(file.path) || /^readme\.(md|ipynb)$/i.test(basename(file.path))) continue
    report(bookDiagnostic('toc-file-unlisted', `${file.relPath} is not in the table of contents, so it is not built`, file.path))
  }
  return {units, pages, pagesBySource, intro}
}

function bookUnit(title: string, files: readonly BookFile[], usedSlugs: Set<string>): Unit {
  const slug = uniqueSlug(slugify(title), usedSlugs)
  // A unit of a book is not a folder; its slug stands in for one, so that `--unit` and links to the folder name find it.
  const unit: Unit = {dir: slug, slug, title, learningOutcomes: [], meta: {}, pages: []}
  // The unit's own index page is taken, so no page can be written over it.
  const pageSlugs = new Set<string>(['index'])
  files.forEach((file, order) => {
    const folders = posix.dirname(file.relPath).split('/').filter((part) => part && part !== '.')
    const base = [...folders.map(slugify), slugify(posix.basename(file.relPath).replace(/\.(ipynb|md)$/i, ''))].join('/')
    unit.pages.push({path: file.path, relPath: file.relPath, kind: file.kind, outPath: `${slug}/${uniqueSlug(base, pageSlugs)}.html`, unit, order})
  })
  return unit
}

function homePage(root: BookFile, title: string): PageSource {
  const unit: Unit = {dir: '', slug: '', title, learningOutcomes: [], meta: {}, pages: []}
  return {path: root.path, relPath: root.relPath, kind: 'markdown', outPath: 'index.html', unit, order: -1}
}

function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
  used.add(slug)
  return slug
}

function emptyCourse(): Course {
  return {units: [], pages: [], pagesBySource: new Map(), intro: undefined}
}

import {readdirSync, statSync, existsSync, readFileSync, type Dirent} from 'node:fs'
import {join, relative, sep} from 'node:path'
import type {Course, PageSource, Unit} from '../pipeline/types.js'
import type {ResolvedConfig} from '../config/schema.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {CoursebookError, ContentMissing} from '../diagnostics/errors.js'
import {byNaturalOrder, humanise, slugify} from './slug.js'
import {readUnitMeta} from './unit-meta.js'
import {isPlainFile} from './plain-file.js'

const IGNORED_DIRS = new Set(['_build', 'node_modules', '__pycache__'])

/** Whether a file or folder name is left out of the course (dotfiles, checkpoints, `_build`). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || IGNORED_DIRS.has(name)
}

function pageKind(name: string): PageSource['kind'] | undefined {
  const lower = name.toLowerCase()
  if (lower.endsWith('.ipynb')) return 'notebook'
  if (lower.endsWith('.md')) return 'markdown'
  return undefined
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/**
 * Find the course on disk: units are the folders of the content folder (in
 * `config.units` order, else by numeric prefix), pages the `.ipynb` and `.md`
 * files inside them, subfolders included. Reads no page, only unit metadata.
 */
export function discoverCourse(config: ResolvedConfig, report: (d: Diagnostic) => void): Course {
  const root = config.contentPath
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CoursebookError(ContentMissing, `Content folder ${root} does not exist`, {file: config.configPath})
  }
  const entries = readdirSync(root, {withFileTypes: true}).filter((e) => !isIgnoredName(e.name))
  const unitDirs = entries.filter((e) => isDirectory(root, e, report)).map((e) => e.name).filter((n) => !n.startsWith('_'))
  for (const e of entries) {
    if (e.isFile() && pageKind(e.name) && e.name.toLowerCase() !== 'index.md') {
      report({severity: 'warning', ruleId: 'page-outside-unit', message: `${e.name} is not inside a unit folder, so it is not published`, file: join(root, e.name)})
    }
  }
  const ordered = orderUnits(unitDirs, config, report)
  const usedSlugs = new Set<string>()
  const units: Unit[] = []
  const pages: PageSource[] = []
  for (const dir of ordered) {
    const unit = readUnit(root, dir, report, usedSlugs)
    units.push(unit)
    pages.push(...unit.pages)
  }
  const indexPath = join(root, 'index.md')
  const intro = isPlainFile(indexPath, report) ? {path: indexPath, source: readFileSync(indexPath, 'utf8')} : undefined
  return {units, pages, pagesBySource: new Map(pages.map((p) => [p.relPath, p])), intro}
}

function orderUnits(dirs: string[], config: ResolvedConfig, report: (d: Diagnostic) => void): string[] {
  if (!config.units) return dirs.sort(byNaturalOrder)
  const present = new Set(dirs)
  for (const name of config.units) {
    if (!present.has(name)) {
      report({severity: 'warning', ruleId: 'unit-unknown', message: `units lists "${name}" but ${config.contentDir}/${name} does not exist`, file: config.configPath})
    }
  }
  return config.units.filter((name) => present.has(name))
}

function readUnit(root: string, dir: string, report: (d: Diagnostic) => void, usedSlugs: Set<string>): Unit {
  const meta = readUnitMeta(join(root, dir), report)
  const unit: Unit = {
    dir,
    slug: uniqueSlug(slugify(dir), usedSlugs),
    title: meta.title ?? humanise(dir),
    summary: meta.summary,
    studyTime: meta.studyTime,
    learningOutcomes: meta.learningOutcomes,
    release: meta.release,
    meta: meta.rest,
    pages: [],
    intro: meta.introSource !== undefined ? {path: meta.introPath!, source: meta.introSource} : undefined,
  }
  // The unit index is taken, so no page can be written over it.
  const pageSlugs = new Set<string>(['index'])
  const files = listPages(join(root, dir), report)
  files.forEach((file, order) => {
    const relInUnit = toPosix(relative(join(root, dir), file))
    const parts = relInUnit.split('/')
    const name = parts.pop()!
    const folders = parts.map(slugify)
    const base = [...folders, slugify(name.replace(/\.(ipynb|md)$/i, ''))].join('/')
    const slug = uniqueSlug(base, pageSlugs, () =>
      report({severity: 'warning', ruleId: 'page-slug-duplicate', message: `${relInUnit} has the same URL as another page (${base}.html); it was given a suffix`, hint: 'Rename one of the files.', file}),
    )
    unit.pages.push({
      path: file,
      relPath: toPosix(relative(root, file)),
      kind: pageKind(name)!,
      outPath: `${unit.slug}/${slug}.html`,
      unit,
      order,
    })
  })
  return unit
}

function listPages(dir: string, report: (d: Diagnostic) => void): string[] {
  const found: string[] = []
  const walk = (folder: string, atUnitRoot: boolean) => {
    const entries = readdirSync(folder, {withFileTypes: true})
      .filter((e) => !isIgnoredName(e.name))
      .sort((a, b) => byNaturalOrder(a.name, b.name))
    for (const e of entries) {
      const path = join(folder, e.name)
      if (isDirectory(folder, e, report)) walk(path, false)
      else if (e.isFile() && pageKind(e.name) && !(atUnitRoot && e.name.toLowerCase() === 'index.md')) found.push(path)
    }
  }
  walk(dir, true)
  return found
}

/** Folders count; symbolic links to folders are not followed (they can loop). */
function isDirectory(parent: string, entry: Dirent, report: (d: Diagnostic) => void): boolean {
  if (entry.isDirectory()) return true
  if (!entry.isSymbolicLink()) return false
  const path = join(parent, entry.name)
  try {
    if (statSync(path).isDirectory()) {
      report({severity: 'info', ruleId: 'path-ignored', message: `${entry.name} is a symbolic link to a folder and was not followed`, file: path})
    }
  } catch {
    // A dangling or looping link: nothing to publish.
    report({severity: 'info', ruleId: 'path-ignored', message: `${entry.name} is a symbolic link that cannot be resolved`, file: path})
  }
  return false
}

function uniqueSlug(base: string, used: Set<string>, onClash?: () => void): string {
  let slug = base
  if (used.has(slug)) {
    onClash?.()
    let n = 2
    while (used.has(`${base}-${n}`)) n++
    slug = `${base}-${n}`
  }
  used.add(slug)
  return slug
}

import {basename, dirname, relative, sep} from 'node:path'

/** What a batch of changed files requires of the next build. */
export interface RebuildPlan {
  /** Reload the config and rebuild everything. */
  full: boolean
  /** Discover the course again: a page or unit was added, removed or renamed, or unit metadata changed. */
  rediscover: boolean
  /** Pages (content-relative source paths) whose bodies must be rendered again. */
  pages: Set<string>
  /** Re-apply the layouts to every page (navigation, titles, theme): cheap, and always safe. */
  layouts: boolean
}

export interface GraphRoots {
  /** The config file and the local files it imports. */
  configFiles: readonly string[]
  /** The content folder. */
  contentPath: string
  /** Theme folders whose files only affect layouts and assets. */
  themeDirs: readonly string[]
}

export type ChangeKind = 'add' | 'change' | 'unlink'

/**
 * Answers "which outputs does this file affect". A page depends on its source
 * and on the files it referred to (images, linked pages, attachments' files,
 * included files, whether or not they existed); unit metadata affects the
 * unit's pages (they inherit it) and the navigation; the theme affects only
 * layouts; the config and its imports affect everything.
 */
export class DependencyGraph {
  private readonly dependents = new Map<string, Set<string>>()
  private readonly dependencies = new Map<string, readonly string[]>()
  private readonly sources = new Map<string, string>()

  constructor(private roots: GraphRoots) {}

  setRoots(roots: GraphRoots): void {
    this.roots = roots
  }

  /** Record a rendered page: its source file and every other file it read or referred to. */
  setPage(relPath: string, sourcePath: string, dependencies: readonly string[]): void {
    this.removePage(relPath)
    this.sources.set(sourcePath, relPath)
    this.dependencies.set(relPath, dependencies)
    for (const path of dependencies) {
      let set = this.dependents.get(path)
      if (!set) this.dependents.set(path, (set = new Set()))
      set.add(relPath)
    }
  }

  removePage(relPath: string): void {
    for (const path of this.dependencies.get(relPath) ?? []) this.dependents.get(path)?.delete(relPath)
    this.dependencies.delete(relPath)
    for (const [source, page] of this.sources) if (page === relPath) this.sources.delete(source)
  }

  /** Plan the rebuild for a batch of changed paths (absolute) and what happened to each. */
  plan(changes: Iterable<readonly [string, ChangeKind]>): RebuildPlan {
    const plan: RebuildPlan = {full: false, rediscover: false, pages: new Set(), layouts: true}
    for (const [path, kind] of changes) {
      if (this.roots.configFiles.includes(path)) {
        plan.full = true
        continue
      }
      if (this.roots.themeDirs.some((dir) => isInside(path, dir))) continue
      if (!isInside(path, this.roots.contentPath)) continue
      const page = this.sources.get(path)
      if (page && kind === 'change') plan.pages.add(page)
      else if (isPageFile(path) || kind !== 'change') plan.rediscover = true
      if (isUnitMetadata(path, this.roots.contentPath)) {
        plan.rediscover = true
        const unitDir = dirname(path)
        for (const [source, relPath] of this.sources) if (isInside(source, unitDir)) plan.pages.add(relPath)
      }
      for (const dependent of this.dependents.get(path) ?? []) plan.pages.add(dependent)
    }
    return plan
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)
}

function isPageFile(path: string): boolean {
  return /\.(ipynb|md)$/i.test(path)
}

/** `_unit.yml` or a unit folder's `index.md` (not the course's own `content/index.md`). */
function isUnitMetadata(path: string, contentPath: string): boolean {
  const name = basename(path).toLowerCase()
  if (name === '_unit.yml') return true
  return name === 'index.md' && dirname(dirname(path)) === contentPath
}

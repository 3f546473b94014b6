import {realpathSync} from 'node:fs'
import {relative, sep} from 'node:path'
import type {PageResult} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import type {LaunchSetup} from '../transform/launch/setup.js'
import {opensFile, pinnable} from '../transform/launch/links.js'
import {repositoryIdentity, repositoryPath} from '../transform/launch/repository.js'
import {launchUrl} from '../transform/launch/urls.js'
import {openLocalRepository, resolveRef, type LocalRepository} from './local-repository.js'
import {objectTypes} from './objects.js'
import {environmentExpressions, findEnvironment} from './binder-environment.js'
import {launchTarget, launcherName, type LaunchTarget, type RepositoryAt} from './launch-targets.js'
import {launchDiagnostics, type LaunchDiagnostics} from './launch-messages.js'

export interface LaunchCheckOptions {
  setup: LaunchSetup
  /** The content folder (absolute). */
  contentDir: string
  pages: Iterable<PageResult>
  /** The commit the links are pinned to, when they are. */
  commit?: string
  /** The config file and its text, so that a problem with a ref can point at its line. */
  config?: {file?: string; source?: string}
  /** The repository, when the build already started opening it (see `startLaunchGit`). */
  repository?: ReturnType<typeof openLocalRepository>
}

/** Launchers reading from one repository at one ref share their path checks. */
interface Group {
  at: RepositoryAt
  targets: LaunchTarget[]
  /** The ref's full name (or commit) in the local repository; undefined when it is not there. */
  resolved?: string
}

/**
 * Check every page's launch links against the git repository that holds the
 * content folder, with a handful of git processes for the whole course (one
 * `cat-file --batch-check` for every path): the ref of each launcher exists,
 * each page's file exists at that ref, and a Binder environment repository
 * that is this repository has an environment file. Problems are warnings
 * naming the page and the link; what cannot be checked (no git, another
 * repository, JupyterLite) is one info. Never throws.
 */
export async function checkLaunchLinks(options: LaunchCheckOptions): Promise<Diagnostic[]> {
  const {setup} = options
  const targets = setup.launchers.flatMap((launcher) => launchTarget(launcher, pinnable(launcher) ? options.commit : undefined) ?? [])
  const pages = [...options.pages].filter((page) => page.launch?.length)
  const out = launchDiagnostics(setup, options.config)
  if (targets.length === 0 || pages.length === 0) return out.list
  const repository = await (options.repository ?? openLocalRepository(options.contentDir))
  if ('reason' in repository) {
    out.skipped(`Launch links were not checked: ${repository.reason}`)
    return out.list
  }
  const pathOf = (page: PageResult) => repositoryPath(setup.contentPath, page.source.relPath)
  const groups = groupTargets(targets, repository, out)
  const environments = targets.filter((target) => target.environment && isEnvironmentLocal(target, repository, out))

  const expressions: string[] = []
  const resolve = (at: RepositoryAt) => {
    const resolved = resolveRef(repository, at.ref)
    if (resolved && !resolved.startsWith('refs/')) expressions.push(`${resolved}^{commit}`)
    return resolved
  }
  for (const group of groups) {
    group.resolved = resolve(group.at)
    if (!group.resolved) continue
    for (const page of pages) if (group.targets.some((t) => opensFile(t.launcher, page.source.relPath))) expressions.push(`${group.resolved}:${pathOf(page)}`)
  }
  const environmentRefs = new Map(environments.map((target) => [target, resolve(target.environment!)]))
  for (const ref of environmentRefs.values()) if (ref) expressions.push(...environmentExpressions(ref))
  const types = await objectTypes(repository.top, expressions)
  const exists = (ref: string) => ref.startsWith('refs/') || types.get(`${ref}^{commit}`) === 'commit'
  const example = (target: LaunchTarget) => {
    const page = pages.find((p) => opensFile(target.launcher, p.source.relPath))
    return page && {page, url: launchUrl(target.launcher, pathOf(page), pinnable(target.launcher) ? options.commit : undefined)}
  }

  const misplaced = contentFolderMismatch(repository, options.contentDir, setup.contentPath)
  for (const group of groups) {
    if (!group.resolved || !exists(group.resolved)) {
      for (const target of group.targets) out.refMissing(target, group.at, repository.top, example(target), countPages(pages, target))
      continue
    }
    for (const page of pages) {
      const opening = group.targets.filter((t) => opensFile(t.launcher, page.source.relPath))
      if (opening.length === 0 || types.get(`${group.resolved}:${pathOf(page)}`) !== undefined) continue
      const urls = opening.map((t) => launchUrl(t.launcher, pathOf(page), pinnable(t.launcher) ? options.commit : undefined))
      out.pathMissing(page, pathOf(page), group.at, urls, misplaced)
    }
  }
  for (const [target, ref] of environmentRefs) {
    // A missing ref was reported above when it is also the content's; otherwise report it here.
    if (!ref || !exists(ref)) {
      if (target.environment !== target.content) out.refMissing(target, target.environment!, repository.top, example(target), countPages(pages, target))
      continue
    }
    if (findEnvironment(ref, types) === undefined) out.environmentMissing(target, example(target))
  }
  return out.list
}

/** Group the targets by the repository and ref they open files from; targets in another repository are reported as unchecked. */
function groupTargets(targets: LaunchTarget[], repository: LocalRepository, out: LaunchDiagnostics): Group[] {
  const groups = new Map<string, Group>()
  for (const target of targets) {
    const at = target.content
    if (!isThisRepository(at, repository)) {
      out.skipped(`The ${launcherName(target.launcher)} links to ${at.repo} were not checked: the content folder is in another repository (${repository.remotes.join(', ')})`)
      continue
    }
    const key = `${repositoryIdentity(at.repo, at.host)}@${at.ref}`
    const group = groups.get(key) ?? {at, targets: []}
    group.targets.push(target)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** Whether a Binder target's environment repository is this one (checked locally) rather than another (reported as unchecked). */
function isEnvironmentLocal(target: LaunchTarget, repository: LocalRepository, out: LaunchDiagnostics): boolean {
  const environment = target.environment!
  const same = repositoryIdentity(environment.repo, environment.host) === repositoryIdentity(target.content.repo, target.content.host)
  if ((same && isThisRepository(target.content, repository)) || (repository.remotes.length > 0 && isThisRepository(environment, repository))) return true
  out.skipped(`The Binder environment of ${environment.repo} at "${environment.ref}" was not checked: it is another repository, and the build does not go online`)
  return false
}

/** A repository with no remotes is taken to be the one the links name; otherwise one of its remotes must be. */
function isThisRepository(at: RepositoryAt, repository: LocalRepository): boolean {
  if (repository.remotes.length === 0) return true
  const identity = repositoryIdentity(at.repo, at.host)
  return repository.remotes.some((remote) => repositoryIdentity(remote) === identity)
}

function countPages(pages: PageResult[], target: LaunchTarget): number {
  return pages.filter((page) => opensFile(target.launcher, page.source.relPath)).length
}

/** Where the content folder really is in the repository, when the config says it is elsewhere. */
function contentFolderMismatch(repository: LocalRepository, contentDir: string, contentPath: string): string | undefined {
  let real = contentDir
  try {
    real = realpathSync(contentDir)
  } catch {
    // A content folder that cannot be resolved is compared as given.
  }
  const actual = relative(repository.top, real).split(sep).join('/')
  const configured = contentPath.replace(/^\.?\/+|\/+$/g, '')
  return actual === configured ? undefined : actual
}

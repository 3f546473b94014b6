import type {PageResult} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {rules, type RuleId} from '../diagnostics/rule-ids.js'
import {locateKey} from '../config/locate.js'
import type {LaunchSetup} from '../transform/launch/setup.js'
import {ENVIRONMENT_FILES} from './binder-environment.js'
import {launcherName, type LaunchTarget, type RepositoryAt} from './launch-targets.js'

/** A page and one of its launch links, to name in a message about a whole launcher. */
export type LinkExample = {page: PageResult; url: string} | undefined

/** The launch checks' diagnostics, worded in one place. */
export interface LaunchDiagnostics {
  readonly list: Diagnostic[]
  skipped(message: string): void
  pathMissing(page: PageResult, repoPath: string, at: RepositoryAt, urls: string[], contentFolderAt?: string): void
  refMissing(target: LaunchTarget, at: RepositoryAt, repositoryTop: string, example: LinkExample, pageCount: number): void
  environmentMissing(target: LaunchTarget, example: LinkExample): void
}

/**
 * Collect launch-check diagnostics. Problems with a page name the page (as the
 * diagnostic's file) and the broken link; problems with a launcher's settings
 * point at its key in the config file and name one page and its link.
 */
export function launchDiagnostics(setup: LaunchSetup, config: {file?: string; source?: string} = {}): LaunchDiagnostics {
  const list: Diagnostic[] = []
  const add = (ruleId: RuleId, message: string, where: Partial<Diagnostic>) =>
    list.push({severity: rules[ruleId].severity, ruleId, message, hint: rules[ruleId].hint, ...where})
  const atKey = (target: LaunchTarget, key: string[]): Partial<Diagnostic> => {
    const place = config.source ? locateLauncherKey(config.source, setup, target, key) : undefined
    return {file: config.file, line: place?.line, column: place?.column}
  }
  const exampleText = (example: LinkExample) => (example ? `; for example ${example.page.source.relPath} links to ${example.url}` : '')
  return {
    list,
    skipped: (message) => add('launch-check-skipped', message, {file: config.file}),
    pathMissing(page, repoPath, at, urls, contentFolderAt) {
      const where = contentFolderAt !== undefined ? ` (the content folder is at "${contentFolderAt || '.'}" in this repository, but the launch settings say "${setup.contentPath}")` : ''
      const links = urls.length === 1 ? `its launch link opens nothing: ${urls[0]}` : `its launch links open nothing: ${urls.join(' and ')}`
      add('launch-path-missing', `${repoPath} is not in ${at.repo} at ${refText(at.ref)}${where}, so ${links}`, {file: page.source.path})
    },
    refMissing(target, at, top, example, pageCount) {
      const pages = pageCount === 1 ? 'the launch link of 1 page is' : `the launch links of ${pageCount} pages are`
      add('launch-ref-missing', `${launcherName(target.launcher)}: "${at.ref}" is not a branch, tag, origin/ branch or commit of the repository at ${top}, so ${pages} broken${exampleText(example)}`, atKey(target, at.refKey))
    },
    environmentMissing(target, example) {
      const at = target.environment!
      const files = ENVIRONMENT_FILES.join(', ')
      add('launch-environment-missing', `${launcherName(target.launcher)}: ${at.repo} has no Binder environment at ${refText(at.ref)} (none of ${files} in the root, binder/ or .binder/), so Binder starts a bare Python without the notebooks' packages${exampleText(example)}`, atKey(target, ['repo']))
    },
  }
}

/**
 * Where a launcher's key is written in the config file: after the launcher's
 * own `type: '…'` in the `launch` list (counting launchers of the same type),
 * or inside `binder`. Falls back to the launcher, then to the list.
 */
function locateLauncherKey(source: string, setup: LaunchSetup, target: LaunchTarget, key: string[]): {line: number; column: number} | undefined {
  const list = locateKey(source, [setup.key])
  if (!list || setup.key === 'binder') return locateKey(source, [setup.key, ...key]) ?? list
  const sameType = setup.launchers.slice(0, setup.launchers.indexOf(target.launcher) + 1).filter((l) => l.type === target.launcher.type).length
  const pattern = new RegExp(`type\\s*:\\s*(['"\`])${target.launcher.type}\\1`, 'g')
  pattern.lastIndex = offsetOf(source, list)
  let match: RegExpExecArray | null = null
  for (let i = 0; i < sameType; i++) match = pattern.exec(source)
  if (!match) return list
  const before = source.slice(0, match.index)
  // Only up to the next launcher: a key left at its default is not written at all.
  const next = /\btype\s*:/g
  next.lastIndex = match.index + match[0].length
  const end = next.exec(source)?.index ?? source.length
  const inLauncher = locateKey(source.slice(match.index, end), key)
  if (!inLauncher) return {line: before.split('\n').length, column: match.index - before.lastIndexOf('\n')}
  const line = before.split('\n').length + inLauncher.line - 1
  return {line, column: inLauncher.line === 1 ? match.index - before.lastIndexOf('\n') + inLauncher.column - 1 : inLauncher.column}
}

function offsetOf(source: string, place: {line: number; column: number}): number {
  const lines = source.split('\n').slice(0, place.line - 1)
  return lines.reduce((sum, line) => sum + line.length + 1, 0) + place.column - 1
}

function refText(ref: string): string {
  return /^[0-9a-f]{40,64}$/i.test(ref) ? `commit ${ref.slice(0, 12)}` : `"${ref}"`
}

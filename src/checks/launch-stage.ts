import {readFile} from 'node:fs/promises'
import type {ResolvedConfig} from '../config/schema.js'
import type {PageResult} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {launchSetup} from '../transform/launch/setup.js'
import {pinLaunchLinks} from '../transform/launch/pin.js'
import {headCommit} from '../transform/launch/git.js'
import {checkLaunchLinks} from './launch-links.js'
import {openLocalRepository} from './local-repository.js'

/** The git questions of `finishLaunchLinks` that do not depend on the pages, asked early. */
export interface LaunchGit {
  head?: ReturnType<typeof headCommit>
  repository?: ReturnType<typeof openLocalRepository>
}

/**
 * Start the git commands that launch links will need (the commit, the
 * repository), so that they run while the pages render instead of after.
 * Undefined when the course has no launch links. Never rejects.
 */
export function startLaunchGit(config: ResolvedConfig, options: {check: boolean}): LaunchGit | undefined {
  const setup = launchSetup(config)
  if (setup.launchers.length === 0) return undefined
  return {
    head: setup.pin ? headCommit(config.contentPath) : undefined,
    repository: options.check && setup.check ? openLocalRepository(config.contentPath) : undefined,
  }
}

/**
 * The build-wide part of launch links, run once per build after the pages
 * are rendered: pin them to the commit being built (`launchOptions.pin`), then,
 * when `check` (and `launchOptions.check`), check them against the local git
 * repository. Returns the diagnostics; never throws.
 */
export async function finishLaunchLinks(config: ResolvedConfig, results: readonly PageResult[], options: {check: boolean; git?: LaunchGit}): Promise<Diagnostic[]> {
  const setup = launchSetup(config)
  if (setup.launchers.length === 0) return []
  const pinned = await pinLaunchLinks(setup, results, config.contentPath, config.configPath, options.git?.head)
  if (!options.check || !setup.check) return pinned.diagnostics
  const source = config.configPath ? await readFile(config.configPath, 'utf8').catch(() => undefined) : undefined
  const checked = await checkLaunchLinks({setup, contentDir: config.contentPath, pages: results, commit: pinned.commit, config: {file: config.configPath, source}, repository: options.git?.repository})
  return [...pinned.diagnostics, ...checked]
}

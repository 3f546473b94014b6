import {readFile} from 'node:fs/promises'
import type {ResolvedConfig} from '../config/schema.js'
import type {PageResult} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {launchSetup} from '../transform/launch/setup.js'
import {pinLaunchLinks} from '../transform/launch/pin.js'
import {checkLaunchLinks} from './launch-links.js'

/**
 * The build-wide part of launch links, run once per build after the pages
 * are rendered: pin them to the commit being built (`launchOptions.pin`), then,
 * when `check` (and `launchOptions.check`), check them against the local git
 * repository. Returns the diagnostics; never throws.
 */
export async function finishLaunchLinks(config: ResolvedConfig, results: readonly PageResult[], options: {check: boolean}): Promise<Diagnostic[]> {
  const setup = launchSetup(config)
  if (setup.launchers.length === 0) return []
  const pinned = await pinLaunchLinks(setup, results, config.contentPath, config.configPath)
  if (!options.check || !setup.check) return pinned.diagnostics
  const source = config.configPath ? await readFile(config.configPath, 'utf8').catch(() => undefined) : undefined
  const checked = await checkLaunchLinks({setup, contentDir: config.contentPath, pages: results, commit: pinned.commit, config: {file: config.configPath, source}})
  return [...pinned.diagnostics, ...checked]
}

import type {PageResult} from '../../pipeline/types.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {rules} from '../../diagnostics/rule-ids.js'
import type {LaunchSetup} from './setup.js'
import {headCommit} from './git.js'
import {launchLinks} from './links.js'

/**
 * With `launchOptions.pin`, point every page's launch links at the commit
 * checked out in the repository that holds the content folder (once per
 * build: pages are rendered, and cached, with unpinned links). Launchers that
 * pull a branch with nbgitpuller keep their branch. Returns the commit, or an
 * info diagnostic when there is none to pin to (the links stay unpinned).
 */
export async function pinLaunchLinks(
  setup: LaunchSetup,
  results: Iterable<PageResult>,
  contentDir: string,
  configFile?: string,
  /** The commit, when the build already started asking git for it. */
  headAsked?: ReturnType<typeof headCommit>,
): Promise<{commit?: string; diagnostics: Diagnostic[]}> {
  if (!setup.pin || setup.launchers.length === 0) return {diagnostics: []}
  const head = await (headAsked ?? headCommit(contentDir))
  if ('reason' in head) {
    const message = `Launch links were not pinned to a commit: ${head.reason}; they open the configured branch`
    return {diagnostics: [{severity: 'info', ruleId: 'launch-pin-unavailable', message, hint: rules['launch-pin-unavailable'].hint, file: configFile}]}
  }
  for (const result of results) {
    if (!result.launch) continue
    result.launch = launchLinks(setup, result.source, result.meta, head.commit)
  }
  return {commit: head.commit, diagnostics: []}
}

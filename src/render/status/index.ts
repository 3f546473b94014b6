import type {ResolvedConfig} from '../../config/schema.js'
import type {PageResult, Unit} from '../../pipeline/types.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {lastCommitDates} from './git-dates.js'
import {courseStatus} from './model.js'
import {renderStatusDocument, STATUS_PAGE} from './document.js'

export {STATUS_PAGE} from './document.js'

/** Whether a build writes the status page: for the `team` audience, or when the config asks for it. */
export function wantsStatusPage(config: Pick<ResolvedConfig, 'audience' | 'status'>): boolean {
  return config.status || config.audience === 'team'
}

export interface StatusPageInput {
  config: ResolvedConfig
  units: readonly Unit[]
  /** Page results by content-relative source path. */
  results: ReadonlyMap<string, PageResult>
  /** Every diagnostic of the build so far. */
  diagnostics: readonly Diagnostic[]
  /** Site-root-relative stylesheets of the theme. */
  stylesheets: string[]
}

/** The course status page, `status.html` at the site root, with the last changes read from git in one command. */
export async function statusPage(input: StatusPageInput): Promise<{outPath: string; data: string}> {
  const {config} = input
  const lastChanges = await lastCommitDates(config.contentPath)
  const status = courseStatus({units: input.units, results: input.results, diagnostics: input.diagnostics, lastChanges})
  const data = renderStatusDocument(status, {code: config.code, title: config.title, language: config.language, stylesheets: input.stylesheets})
  return {outPath: STATUS_PAGE, data}
}

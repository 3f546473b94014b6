import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import {describeIssue, formatPath} from './describe-issue.js'
import {notebookSchema} from './schema.js'

/** One way a notebook departs from the nbformat schema. */
export interface SchemaProblem {
  /** 0-based cell the problem is in, when it is inside `cells`. */
  cell?: number
  /** JSON path, e.g. `cells[3].metadata.tags`. */
  path: string
  /** What is wrong, phrased to follow the path, e.g. `is missing`. */
  problem: string
  /** The path with array indices replaced by `*`: problems alike share it. */
  shape: string
}

/** At most this many schema messages per notebook; the rest are counted in one summary. */
export const maxSchemaMessages = 5

/**
 * Validate an nbformat 4 notebook against the schema of its minor version
 * (see `notebookSchema`). Returns each problem once, in the order the schema
 * finds them (an object's own keys are checked after its contents).
 */
export function findSchemaProblems(notebook: unknown, minor: number): SchemaProblem[] {
  const result = notebookSchema(minor).safeParse(notebook, {reportInput: true})
  if (result.success) return []
  const problems: SchemaProblem[] = []
  const seen = new Set<string>()
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path)
    const problem = describeIssue(issue)
    if (seen.has(`${path} ${problem}`)) continue
    seen.add(`${path} ${problem}`)
    const [first, index] = issue.path
    const cell = first === 'cells' && typeof index === 'number' ? index : undefined
    const shape = issue.path.map(key => (typeof key === 'number' ? '*' : String(key))).join('/')
    problems.push({cell, path, problem, shape})
  }
  return problems
}

/**
 * Report schema problems on `file` as `notebook-schema-invalid` warnings.
 * The same problem at the same place in several cells is one message that
 * names the first cell and lists the others; after `maxSchemaMessages`
 * messages one summary counts the rest. `version` (e.g. `4.5`) names the
 * schema in each message.
 */
export function reportSchemaProblems(file: VFile, problems: readonly SchemaProblem[], version: string): void {
  const groups = new Map<string, SchemaProblem[]>()
  for (const problem of problems) {
    const key = `${problem.shape}\u0000${problem.problem}`
    const group = groups.get(key)
    if (group) group.push(problem)
    else groups.set(key, [problem])
  }
  let emitted = 0
  for (const [first, ...others] of groups.values()) {
    if (!first) continue
    if (emitted === maxSchemaMessages) break
    emitted++
    const reason = `Not valid nbformat ${version}: ${first.path} ${first.problem}${alsoIn(others)}`
    emit(file, 'notebook-schema-invalid', reason, {stage: 'notebook', cell: first.cell})
  }
  const rest = groups.size - emitted
  if (rest > 0) {
    const reason = `Not valid nbformat ${version}: ${rest} more schema ${rest === 1 ? 'problem' : 'problems'} not listed`
    emit(file, 'notebook-schema-invalid', reason, {stage: 'notebook'})
  }
}

function alsoIn(others: readonly SchemaProblem[]): string {
  if (others.length === 0) return ''
  const shown = others.slice(0, 3).map(problem => problem.path)
  const more = others.length - shown.length
  return ` (also ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`
}

import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {parseStudyTime} from './study-time.js'
import type {Diagnostic} from '../diagnostics/report.js'

export interface UnitMeta {
  title?: string
  summary?: string
  studyTime?: number
  learningOutcomes: string[]
  /** Every other key, inherited by the unit's pages. */
  rest: Record<string, unknown>
  /** Body of the unit's `index.md` after its front matter, if any. */
  introSource?: string
  introPath?: string
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/

/**
 * Read a unit's metadata from `_unit.yml` or the front matter of its
 * `index.md` (both may exist; `_unit.yml` wins key by key). Problems become
 * diagnostics; the unit still builds.
 */
export function readUnitMeta(dir: string, report: (d: Diagnostic) => void): UnitMeta {
  let fromIndex: Record<string, unknown> = {}
  let introSource: string | undefined
  const indexPath = join(dir, 'index.md')
  if (existsSync(indexPath)) {
    const text = readFileSync(indexPath, 'utf8')
    const match = FRONTMATTER.exec(text)
    if (match) fromIndex = readYaml(match[1]!, indexPath, report, 2)
    introSource = match ? text.slice(match[0].length) : text
  }
  const ymlPath = join(dir, '_unit.yml')
  const fromYml = existsSync(ymlPath) ? readYaml(readFileSync(ymlPath, 'utf8'), ymlPath, report, 1) : {}
  const {title, summary, study_time, learning_outcomes, ...rest} = {...fromIndex, ...fromYml}
  const outcomes = Array.isArray(learning_outcomes) ? learning_outcomes.filter((o): o is string => typeof o === 'string') : []
  return {
    title: typeof title === 'string' ? title : undefined,
    summary: typeof summary === 'string' ? summary : undefined,
    studyTime: parseStudyTime(study_time),
    learningOutcomes: outcomes,
    rest,
    introSource: introSource?.trim() ? introSource : undefined,
    introPath: introSource?.trim() ? indexPath : undefined,
  }
}

function readYaml(text: string, file: string, report: (d: Diagnostic) => void, lineOffset: number): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
    if (value !== null && value !== undefined) {
      report({severity: 'warning', ruleId: 'unit-metadata-invalid', message: 'Unit metadata must be a YAML mapping', file})
    }
  } catch (error) {
    const line = (error as {linePos?: Array<{line: number; col: number}>}).linePos?.[0]
    report({
      severity: 'warning',
      ruleId: 'unit-metadata-invalid',
      message: `Unit metadata is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      hint: 'Check the YAML syntax and key names.',
      file,
      line: line ? line.line + lineOffset - 1 : undefined,
      column: line?.col,
    })
  }
  return {}
}

import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {parseStudyTime} from './study-time.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {rules} from '../diagnostics/rule-ids.js'
import {isPlainFile} from './plain-file.js'
import {readRelease} from './release.js'

export interface UnitMeta {
  title?: string
  summary?: string
  studyTime?: number
  learningOutcomes: string[]
  /** `release`: when the unit is published to students (not inherited by pages, so a new date re-renders nothing). */
  release?: Date
  /** Every other key, inherited by the unit's pages. */
  rest: Record<string, unknown>
  /** Body of the unit's `index.md` after its front matter, if any. */
  introSource?: string
  introPath?: string
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/
// C0 and C1 controls other than tab, line feed and carriage return.
const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'g')

/**
 * Read a unit's metadata from `_unit.yml` or the front matter of its
 * `index.md` (both may exist; `_unit.yml` wins key by key). Problems become
 * diagnostics; the unit still builds.
 */
export function readUnitMeta(dir: string, report: (d: Diagnostic) => void): UnitMeta {
  let fromIndex: Record<string, unknown> = {}
  let introSource: string | undefined
  const indexPath = join(dir, 'index.md')
  if (isPlainFile(indexPath, report)) {
    const text = readFileSync(indexPath, 'utf8')
    const match = FRONTMATTER.exec(text)
    if (match) fromIndex = readYaml(match[1]!, indexPath, report, 2)
    introSource = match ? text.slice(match[0].length) : text
  }
  const ymlPath = join(dir, '_unit.yml')
  const fromYml = isPlainFile(ymlPath, report) ? readYaml(readFileSync(ymlPath, 'utf8'), ymlPath, report, 1) : {}
  const {title, summary, study_time, learning_outcomes, release, ...rest} = {...fromIndex, ...fromYml}
  const outcomes = Array.isArray(learning_outcomes) ? learning_outcomes.filter((o): o is string => typeof o === 'string') : []
  const shown = [title, summary, ...outcomes].filter((text): text is string => typeof text === 'string')
  if (shown.some((text) => CONTROLS.test(text))) {
    const file = existsSync(ymlPath) ? ymlPath : indexPath
    const message = 'The unit metadata contains control characters, invisible in most editors; they were removed'
    report({severity: 'warning', ruleId: 'control-characters', message, hint: rules['control-characters'].hint, file})
  }
  const clean = (text: string) => text.replace(CONTROLS_ALL, '')
  return {
    title: typeof title === 'string' ? clean(title) : undefined,
    summary: typeof summary === 'string' ? clean(summary) : undefined,
    studyTime: parseStudyTime(study_time),
    learningOutcomes: outcomes.map(clean),
    release: readRelease(release, 'release' in fromYml ? ymlPath : indexPath, report),
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

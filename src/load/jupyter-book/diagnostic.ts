import type {Diagnostic} from '../../diagnostics/report.js'
import {rules, type RuleId} from '../../diagnostics/rule-ids.js'
import type {SourcePoint} from './yaml-source.js'

/** A diagnostic about a book file (`_toc.yml`, `_config.yml`), at a place in it when known. */
export function bookDiagnostic(ruleId: RuleId, message: string, file: string, at?: SourcePoint, hint?: string): Diagnostic {
  return {severity: rules[ruleId].severity, ruleId, message, hint: hint ?? rules[ruleId].hint, file, line: at?.line, column: at?.column}
}

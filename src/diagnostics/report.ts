import {relative} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import type {Severity} from './rule-ids.js'
import {rules, type RuleId} from './rule-ids.js'

/** A diagnostic ready for printing, detached from its VFile. */
export interface Diagnostic {
  severity: Severity
  ruleId: string
  message: string
  hint?: string
  file?: string
  cell?: number
  line?: number
  column?: number
}

/** Collects diagnostics for a whole run; the CLI prints them through `format`. */
export interface Log {
  add(diagnostic: Diagnostic): void
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Create a log. `overrides` maps rule ids to a severity (or `'off'`), from the
 * config's `diagnostics` key.
 */
export function createLog(overrides: Readonly<Record<string, Severity | 'off'>> = {}): Log {
  const diagnostics: Diagnostic[] = []
  const severityOf = (ruleId: string, fallback: Severity): Severity | 'off' =>
    overrides[ruleId] ?? (isKnownRule(ruleId) ? rules[ruleId as RuleId].severity : fallback)
  return {
    diagnostics,
    add(diagnostic) {
      const severity = severityOf(diagnostic.ruleId, diagnostic.severity)
      if (severity === 'off') return
      // Every diagnostic says what to do: the catalogue's hint when the stage gave none.
      const hint = diagnostic.hint ?? (isKnownRule(diagnostic.ruleId) ? rules[diagnostic.ruleId as RuleId].hint : undefined)
      diagnostics.push({...diagnostic, severity, hint})
    },
  }
}

function isKnownRule(id: string): boolean {
  return Object.hasOwn(rules, id)
}

/** Detach a file's vfile messages into plain diagnostics (which can cross a worker boundary). */
export function toDiagnostics(file: string, messages: readonly VFileMessage[]): Diagnostic[] {
  return messages.map((m) => ({
    severity: m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info',
    ruleId: m.ruleId ?? 'unknown',
    message: m.reason,
    hint: m.note,
    file,
    cell: m.cell,
    line: m.line,
    column: m.column,
  }))
}

/** Count diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const d of diagnostics) counts[d.severity]++
  return counts
}

/**
 * One line per diagnostic: `path › cell N line:col  message  [rule-id]`, the
 * hint on a second indented line. Cells are shown 1-based, as Jupyter numbers
 * them for people. Paths are shown relative to `cwd`.
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const parts: string[] = []
  if (d.file) parts.push(relative(cwd, d.file) || d.file)
  const where: string[] = []
  if (d.cell !== undefined) where.push(`cell ${d.cell + 1}`)
  if (d.line !== undefined) where.push(`${d.line}:${d.column ?? 1}`)
  const location = [parts.join(''), where.join(' ')].filter(Boolean).join(' › ')
  const head = `${d.severity.padEnd(7)} ${location}  ${d.message}  [${d.ruleId}]`
  return d.hint ? `${head}\n        hint: ${d.hint}` : head
}

/** The closing summary line, e.g. `2 errors, 1 warning, 0 info`. */
export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics)
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`
}

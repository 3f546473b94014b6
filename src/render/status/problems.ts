import type {Diagnostic} from '../../diagnostics/report.js'

/** The kinds of problem the status page counts per page, in its column order. */
export const PROBLEM_KINDS = ['links', 'alt', 'rendering', 'launch', 'accessibility', 'other'] as const
export type ProblemKind = (typeof PROBLEM_KINDS)[number]

/** Column headings for the kinds. */
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  links: 'Broken links',
  alt: 'Missing alt text',
  rendering: 'KaTeX or TikZ errors',
  launch: 'Launch links',
  accessibility: 'Other accessibility',
  other: 'Other problems',
}

const KIND_OF_RULE: Record<string, ProblemKind> = {
  'link-target-missing': 'links',
  'image-missing': 'links',
  'path-outside-content': 'links',
  'xref-unknown': 'links',
  'attachment-missing': 'links',
  'image-alt-missing': 'alt',
  'tikz-no-alt': 'alt',
  'math-error': 'rendering',
  'heading-level-skipped': 'accessibility',
  'table-header-missing': 'accessibility',
  'link-text-vague': 'accessibility',
  'image-alt-long': 'accessibility',
}

/**
 * The kind a diagnostic counts as, or undefined when the status page leaves
 * it out. Only warnings and errors are problems (an info is a note about what
 * coursebook did, or advice, unless the config raises its severity). Every
 * `tikz-*` and `launch-*` problem is a TikZ or launch one; a rule in no group
 * counts as "other".
 */
export function problemKind(diagnostic: Diagnostic): ProblemKind | undefined {
  if (diagnostic.severity === 'info') return undefined
  const known = KIND_OF_RULE[diagnostic.ruleId]
  if (known) return known
  if (diagnostic.ruleId.startsWith('tikz-')) return 'rendering'
  if (diagnostic.ruleId.startsWith('launch-')) return 'launch'
  return 'other'
}

/** Count diagnostics by file and kind: absolute file path → kind → count. */
export function countProblems(diagnostics: readonly Diagnostic[]): Map<string, Record<ProblemKind, number>> {
  const counts = new Map<string, Record<ProblemKind, number>>()
  for (const diagnostic of diagnostics) {
    const kind = problemKind(diagnostic)
    if (!kind || !diagnostic.file) continue
    const row = counts.get(diagnostic.file) ?? emptyCounts()
    row[kind]++
    counts.set(diagnostic.file, row)
  }
  return counts
}

export function emptyCounts(): Record<ProblemKind, number> {
  return {links: 0, alt: 0, rendering: 0, launch: 0, accessibility: 0, other: 0}
}

/**
 * Remove tutor-only directives from Markdown source, line by line, for the
 * notebook a student downloads: `{solution}` and `{tutor}` blocks (backtick,
 * tilde or colon fences, at any depth inside other directives), and
 * everything from a `{solution-start}` to its `{solution-end}`. Code blocks
 * that are not directives are skipped whole, so a solution shown as an
 * example inside ```` ```text ```` stays, as it does on the page.
 */

/** Carried from one Markdown cell to the next: gated solutions can span cells. */
export interface StripState {
  /** Inside a `{solution-start}` … `{solution-end}` region. */
  inGate: boolean
}

const REMOVED = new Set(['solution', 'tutor'])
const FENCE = /^ {0,3}(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?/

/** The source without its tutor-only blocks, and how many blocks (or gate regions) were removed. */
export function stripSolutions(source: string, state: StripState): {text: string; removed: number} {
  const lines = source.split('\n')
  const kept: string[] = []
  // Fences of the directives being kept, innermost last, so their closing lines are not taken for openings.
  const open: string[] = []
  let removed = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const fence = FENCE.exec(line)
    const name = fence?.[3]?.toLowerCase()
    if (state.inGate) {
      if (name === 'solution-end') {
        state.inGate = false
        i = closingLine(lines, i, fence![1]!)
      }
      continue
    }
    if (!fence) {
      kept.push(line)
      continue
    }
    if (!fence[2] && open.length > 0 && closes(line, open.at(-1)!)) {
      open.pop()
      kept.push(line)
      continue
    }
    if (name === 'solution-start') {
      state.inGate = true
      removed++
      i = closingLine(lines, i, fence[1]!)
      continue
    }
    if (name && REMOVED.has(name)) {
      removed++
      i = closingLine(lines, i, fence[1]!)
      continue
    }
    if (name || fence[1]!.startsWith(':')) {
      // Another directive (colon fences are always directives): its body is Markdown, which may hold a solution.
      open.push(fence[1]!)
      kept.push(line)
      continue
    }
    // A plain code block: kept whole, never looked into.
    const end = closingLine(lines, i, fence[1]!)
    kept.push(...lines.slice(i, end + 1))
    i = end
  }
  return {text: kept.join('\n'), removed}
}

/** The line that closes the fence opened on line `open` with `marker` (or the last line when none does). */
function closingLine(lines: readonly string[], open: number, marker: string): number {
  for (let i = open + 1; i < lines.length; i++) if (closes(lines[i]!, marker)) return i
  return lines.length - 1
}

/** Whether `line` closes a fence opened with `marker`: the same character, at least as many, nothing after. */
function closes(line: string, marker: string): boolean {
  const match = /^ {0,3}(`+|~+|:+)\s*$/.exec(line)
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length
}

import {isTutorCell} from './cell-roles.js'
import {stripSolutions, type StripState} from './strip-solutions.js'

/**
 * The notebook a student downloads, made from the notebook as read: cells
 * tagged for tutors left out, tutor-only directives taken out of Markdown
 * cells (see `strip-solutions.ts`), code cells inside a gated solution left
 * out, and Markdown cells that held nothing else dropped. Written as
 * nbformat does (one-space indent, trailing newline). `removed` counts what
 * was taken out; 0 means the notebook can be copied as it is (and `json`
 * is then empty).
 */
export function studentNotebook(notebook: unknown): {json: string; removed: number} {
  const nb = (typeof notebook === 'object' && notebook !== null ? notebook : {}) as {cells?: unknown}
  const cells = Array.isArray(nb.cells) ? nb.cells : []
  const state: StripState = {inGate: false}
  let removed = 0
  const kept: unknown[] = []
  for (const cell of cells) {
    const record = (typeof cell === 'object' && cell !== null ? cell : {}) as {cell_type?: unknown; source?: unknown; metadata?: {tags?: unknown}}
    const tags = Array.isArray(record.metadata?.tags) ? record.metadata.tags : []
    if (isTutorCell(tags)) {
      removed++
      continue
    }
    if (record.cell_type !== 'markdown') {
      if (state.inGate) removed++
      else kept.push(cell)
      continue
    }
    const source = Array.isArray(record.source) ? record.source.join('') : typeof record.source === 'string' ? record.source : ''
    const wasInGate = state.inGate
    const stripped = stripSolutions(source, state)
    if (stripped.removed === 0 && !wasInGate) {
      kept.push(cell)
      continue
    }
    removed += Math.max(stripped.removed, 1)
    if (stripped.text.trim()) kept.push({...record, source: splitLines(stripped.text)})
  }
  // Written only when something was taken out: the caller copies an untouched notebook as it is.
  return {json: removed > 0 ? `${JSON.stringify({...nb, cells: kept}, null, 1)}\n` : '', removed}
}

/** Source as nbformat writes it: lines that keep their newline. */
function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/)
}

import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import type {Found} from './sources.js'
import type {RenderResult} from './render.js'

type Diagram = Exclude<Found, {kind: 'skip'}>

const stage = 'tikz'

/** Where line `line` (1-based, in the diagram's own source) is in the page, or in the cell for a notebook cell. */
export function placeOf(diagram: Diagram, line = 1): Point | undefined {
  if (diagram.kind === 'cell') return {line: diagram.sourceLine + line - 1, column: 1}
  const start = diagram.node.position?.start
  return start ? {line: start.line + diagram.sourceLine + line - 1, column: start.column} : undefined
}

/**
 * Emit what went wrong with one render and return the text shown on the page
 * (undefined when the diagram was drawn).
 */
export function reportRender(file: VFile, diagram: Diagram, result: RenderResult, timeoutMs: number): string | undefined {
  const at = (line?: number) => ({node: diagram.node, place: placeOf(diagram, line), stage})
  if (result.kind === 'timeout') {
    const reason = `TikZ diagram took longer than ${Math.round(timeoutMs / 100) / 10} s to render and was stopped`
    emit(file, 'tikz-timeout', reason, at())
    return reason
  }
  if (result.kind === 'crash') {
    const reason = `TikZ diagram could not be rendered: ${result.message}`
    emit(file, 'tikz-render-failed', reason, at())
    return reason
  }
  if (result.patternFallback) {
    emit(file, 'tikz-pattern-fallback', 'node-tikzjax leaves hatching (pattern fills) undefined in this diagram; it was drawn with latex instead', at())
  } else if (result.dangling) {
    const ids = result.dangling.slice(0, 3).join(', ')
    emit(file, 'tikz-pattern-missing', `TikZ diagram refers to fills the tikzjax engine did not write (${ids}); those areas may show blank`, at())
  }
  const error = result.error
  if (!error) return undefined
  const lines = diagram.spec.source.split('\n')
  const where = error.line !== undefined ? ` (line ${error.line}: ${lines[error.line - 1]!.trim()})` : ''
  if (error.missing && error.missing.kind !== 'file') {
    const lacks = result.engine === 'tikzjax' ? 'which the built-in tikzjax engine does not have' : 'which this TeX installation does not have'
    const reason = `TikZ diagram needs the ${error.missing.kind} "${error.missing.name}", ${lacks}${where}`
    emit(file, 'tikz-package-missing', reason, at(error.line))
    return reason
  }
  const reason = `TikZ diagram could not be rendered: ${error.message}${where}`
  emit(file, 'tikz-render-failed', reason, at(error.line))
  return reason
}

/** The messages about a diagram that do not depend on its rendering. */
export function reportSource(file: VFile, diagram: Diagram): void {
  const at = {node: diagram.node, place: placeOf(diagram, 0), stage}
  if (diagram.kind === 'cell' && diagram.assumed) {
    emit(file, 'tikz-dialect-assumed', `%%tikz cell ${diagram.assumed}`, at)
  }
  for (const name of diagram.unknown) {
    const owner = diagram.kind === 'cell' ? `the ${diagram.dialect} magic has no option` : 'tikz fences have no option'
    emit(file, 'tikz-option-unknown', `Ignored "${name}": ${owner} of that name`, at)
  }
  if (!diagram.alt && !diagram.caption) {
    const how = diagram.kind === 'cell' ? 'a "% alt: …" comment line' : 'alt="…" on the fence line'
    emit(file, 'tikz-no-alt', `TikZ diagram has no alt text or caption, so screen readers cannot describe it; add ${how}`, at)
  }
}

/** A `%%tikz` cell that needs the live notebook: its saved outputs stay. */
export function reportSkip(file: VFile, skip: Extract<Found, {kind: 'skip'}>): void {
  emit(file, 'tikz-skipped', `TikZ cell not rendered at build time: ${skip.reason}; the outputs saved in the notebook are shown`, {node: skip.node, stage})
}

import type {Element, ElementContent} from 'hast'
import type {Nodes} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'

/**
 * Helpers shared by the notebook handlers. Handlers receive nodes straight
 * from notebook JSON, so every field is checked before use.
 */

/** `value` if it is a string, else `fallback`. */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/** 1-based cell number from `node.index`, else from `data.cell`; undefined when neither is a valid index. */
export function cellNumber(node: unknown): number | undefined {
  if (!node || typeof node !== 'object') return undefined
  const {index, data} = node as {index?: unknown; data?: {cell?: unknown}}
  const candidate = isIndex(index) ? index : isIndex(data?.cell) ? data.cell : undefined
  return candidate === undefined ? undefined : candidate + 1
}

/** The `id` for a cell container (`cell-N`), or undefined when the cell number is unknown. */
export function cellId(node: unknown): string | undefined {
  const number = cellNumber(node)
  return number === undefined ? undefined : `cell-${number}`
}

/** Hast for the children of `node`, or nothing when it has no usable `children` array. */
export function childrenOf(state: State, node: Nodes): ElementContent[] {
  if (!Array.isArray((node as {children?: unknown}).children)) return []
  return state.all(node)
}

/** `<details class="cell-hidden"><summary>{summary}</summary>…</details>`: content collapsed until the reader opens it. */
export function collapsed(summary: string, content: ElementContent[]): Element {
  return h('details', {className: ['cell-hidden']}, [h('summary', summary), ...content])
}

/** An execution-count prompt such as `[3]:` (`[ ]:` when the count is unknown), hidden from screen readers. */
export function prompt(count: unknown, className: string[] = ['prompt']): Element {
  const label = typeof count === 'number' && Number.isFinite(count) ? String(count) : ' '
  return h('div', {className, ariaHidden: 'true'}, `[${label}]:`)
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

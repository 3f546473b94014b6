import type {PhrasingContent, Text} from 'mdast'
import type {CrossReference} from '../../pipeline/types.js'
import {texReferences} from './tex.js'

/**
 * `\eqref{x}` and `\ref{x}` written in running text, as notebooks do (Jupyter's
 * MathJax resolves them outside formulas too), as `crossReference` nodes:
 * `\eqref` an `eq` reference (`(2.3)`), `\ref` a `numref` showing the bare
 * number. Returns the text node split around them, or undefined when it
 * has none. Positions are those of the text node (the command's own column
 * where the text is on one line).
 */
export function splitTexReferences(node: Text): PhrasingContent[] | undefined {
  const found = texReferences(node.value)
  if (found.length === 0) return undefined
  const parts: PhrasingContent[] = []
  let last = 0
  for (const ref of found) {
    if (ref.offset > last) parts.push({...node, value: node.value.slice(last, ref.offset), position: undefined})
    const source = /^\\(?:eqref|ref)\s*\{[^{}]*\}/.exec(node.value.slice(ref.offset))![0]
    const reference: CrossReference = {
      type: 'crossReference',
      kind: ref.command === 'eqref' ? 'eq' : 'numref',
      target: ref.label,
      children: ref.command === 'eqref' ? [] : [{type: 'text', value: '%s'}],
      position: placeAt(node, ref.offset),
    }
    if (node.data) reference.data = {...node.data}
    parts.push(reference)
    last = ref.offset + source.length
  }
  if (last < node.value.length) parts.push({...node, value: node.value.slice(last), position: undefined})
  return parts
}

function placeAt(node: Text, offset: number): CrossReference['position'] {
  const start = node.position?.start
  if (!start) return undefined
  const lines = node.value.slice(0, offset).split('\n')
  const line = start.line + lines.length - 1
  const column = lines.length === 1 ? start.column + offset : lines.at(-1)!.length + 1
  return {start: {line, column}, end: {line, column}}
}

import type {Paragraph} from 'mdast'
import type {MystTarget} from '../../pipeline/types.js'

// `(label)=` alone on the first line of a paragraph.
const TARGET = /^\(([^()\n]*[^()\s][^()\n]*)\)=[ \t]*(?:\n|$)/

/**
 * The `mystTarget` a paragraph starts with (`(label)=` on its own line), and
 * what is left of the paragraph after it (undefined when nothing is).
 */
export function splitTarget(paragraph: Paragraph): {target: MystTarget; rest?: Paragraph} | undefined {
  const first = paragraph.children[0]
  if (first?.type !== 'text') return undefined
  const match = TARGET.exec(first.value)
  if (!match) return undefined
  const target: MystTarget = {type: 'mystTarget', label: match[1]!.trim()}
  const start = paragraph.position?.start
  if (start) target.position = {start, end: {line: start.line, column: start.column + match[0].trimEnd().length}}
  if (paragraph.data) target.data = {...paragraph.data}
  const text = first.value.slice(match[0].length)
  const children = text ? [{...first, value: text}, ...paragraph.children.slice(1)] : paragraph.children.slice(1)
  if (children.length === 0) return {target}
  const rest: Paragraph = {...paragraph, children}
  if (paragraph.position) rest.position = {start: {line: paragraph.position.start.line + 1, column: 1}, end: paragraph.position.end}
  return {target, rest}
}

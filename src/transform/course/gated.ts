import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {CourseActivity, CourseReveal, MystDirective, NotebookMarkdownCell} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import {activityFrom, revealFrom} from './activities.js'

const GATES: Readonly<Record<string, {family: 'exercise' | 'solution'; edge: 'start' | 'end'}>> = {
  'exercise-start': {family: 'exercise', edge: 'start'},
  'exercise-end': {family: 'exercise', edge: 'end'},
  'solution-start': {family: 'solution', edge: 'start'},
  'solution-end': {family: 'solution', edge: 'end'},
}

/** A gate directive found at the top of the page or of a Markdown cell. */
type Slot = {gate: MystDirective} | {content: RootContent}

/**
 * sphinx-exercise's gated directives: everything between
 * `{exercise-start}` and `{exercise-end}` (in a notebook, the cells between,
 * code cells included) becomes an exercise, and everything between
 * `{solution-start}` and `{solution-end}` a tutor-only solution. Gates are
 * found at the top level of the page and of its Markdown cells; a cell with
 * a gate in the middle is split there. Returns each solution with the
 * exercise label it names, for `placeSolutions`. A start with no end is a
 * `gate-unclosed` warning and encloses the rest of the page, so a solution
 * is never shown by mistake; an end with no start is dropped.
 */
export function gatedTransform(tree: Root, file: VFile): Map<CourseReveal, string> {
  const solutions = new Map<CourseReveal, string>()
  if (!tree.children.some((child) => isGate(child) || (child.type === 'notebookMarkdownCell' && child.children.some(isGate)))) return solutions
  const slots = tree.children.flatMap(slotsOf)
  const out: RootContent[] = []
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!
    if ('content' in slot) {
      out.push(slot.content)
      continue
    }
    const gate = GATES[slot.gate.name]!
    if (gate.edge === 'end') continue
    const inside: RootContent[] = []
    let j = i + 1
    for (; j < slots.length; j++) {
      const next = slots[j]!
      if ('gate' in next && GATES[next.gate.name]!.family === gate.family && GATES[next.gate.name]!.edge === 'end') break
      if ('content' in next) inside.push(next.content)
    }
    if (j === slots.length) emit(file, 'gate-unclosed', `{${slot.gate.name}} has no {${gate.family}-end}; everything after it on the page is part of the ${gate.family}`, {node: slot.gate, stage: 'course'})
    const directive: MystDirective = {...slot.gate, children: inside}
    if (gate.family === 'exercise') out.push(activityFrom(directive, 'exercise', file) satisfies CourseActivity)
    else {
      const {reveal, exercise} = revealFrom(directive, 'solution')
      if (exercise) solutions.set(reveal, exercise)
      out.push(reveal)
    }
    i = j
  }
  tree.children = out
  return solutions
}

function isGate(node: RootContent): node is MystDirective {
  return node.type === 'mystDirective' && Object.hasOwn(GATES, node.name)
}

/** A page block as slots: a Markdown cell holding gates is split into the parts between them. */
function slotsOf(node: RootContent): Slot[] {
  if (isGate(node)) return [{gate: node}]
  if (node.type !== 'notebookMarkdownCell' || !node.children.some(isGate)) return [{content: node}]
  const slots: Slot[] = []
  let part: RootContent[] = []
  const flush = () => {
    if (part.length > 0) slots.push({content: {...node, children: part} satisfies NotebookMarkdownCell})
    part = []
  }
  for (const child of node.children) {
    if (isGate(child)) {
      flush()
      slots.push({gate: child})
    } else part.push(child)
  }
  flush()
  return slots
}

import type {List, ListItem, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {MystDirective} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import type {CourseChoice, CourseInteraction, FreeResponseSize, InteractionKind} from './nodes.js'
import {option, origin} from './tree.js'

const KINDS: Readonly<Record<string, InteractionKind>> = {
  'single-choice': 'single-choice',
  single: 'single-choice',
  'multiple-choice': 'multiple-choice',
  multiple: 'multiple-choice',
  'free-response': 'free-response',
  free: 'free-response',
}

const SIZES: readonly FreeResponseSize[] = ['single line', 'paragraph', 'long', 'formatted']

/**
 * `ou-interaction` → `courseInteraction`. The body is the prompt, with the
 * options as a task list: `- [x]` right, `- [ ]` wrong; an option's first
 * block is its text and anything after it in the item is the feedback shown
 * when it is picked. The argument names the kind (`single-choice`,
 * `multiple-choice`, `free-response`); without one it follows from the
 * list (one right option: single choice; several: multiple; no list: free
 * response). `:size:` sets a free response's box (`single line`,
 * `paragraph`, `long`, `formatted`). Problems (an unknown kind, a single
 * choice with no or several right options, a choice question with no
 * options) are `interaction-invalid` warnings, and the question is shown in
 * the nearest form that makes sense.
 */
export function interactionFrom(node: MystDirective, id: string, file: VFile): CourseInteraction {
  const written = node.args.trim().toLowerCase()
  const named = KINDS[written]
  if (written && !named) warn(file, node, `Unknown interaction kind "${node.args.trim()}"; expected single-choice, multiple-choice or free-response`)
  // A free response never lists options: a task list in it is part of the prompt.
  const listIndex = named === 'free-response' ? -1 : node.children.findIndex(isChoiceList)
  const list = listIndex === -1 ? undefined : (node.children[listIndex] as List)
  const kind = list ? choiceKind(node, named, list, file) : 'free-response'
  if (!list && named && named !== 'free-response') warn(file, node, `The ${named} interaction has no options (a task list: "- [x] right", "- [ ] wrong"); it is shown as a free response`)
  const children: CourseInteraction['children'] = [...node.children]
  if (list) children.splice(listIndex, 1, ...list.children.map(choiceFrom))
  const interaction: CourseInteraction = {type: 'courseInteraction', kind, id, children, ...origin(node)}
  const label = option(node, 'label', 'name')
  if (label) interaction.label = label
  if (kind === 'free-response') interaction.size = sizeOf(node, file)
  return interaction
}

/** The kind of a question with options: as named, except that a single choice needs exactly one right option. */
function choiceKind(node: MystDirective, named: InteractionKind | undefined, list: List, file: VFile): InteractionKind {
  const rights = list.children.filter((item) => item.checked === true).length
  if (rights === 0) warn(file, node, 'No option of the interaction is marked right ("- [x]"); every option is shown as wrong')
  if (named === 'single-choice' && rights > 1) warn(file, node, `A single-choice interaction has ${rights} right options; it is shown as multiple choice`)
  return rights === 1 && named !== 'multiple-choice' ? 'single-choice' : 'multiple-choice'
}

/** A GFM task list: every item checked or unchecked. */
function isChoiceList(node: RootContent): node is List {
  return node.type === 'list' && node.children.length > 0 && node.children.every((item) => typeof item.checked === 'boolean')
}

function choiceFrom(item: ListItem): CourseChoice {
  const [text, ...feedback] = item.children
  const choice: CourseChoice = {type: 'courseChoice', correct: item.checked === true, children: text ? [text] : [], position: item.position}
  if (item.data) choice.data = item.data
  if (feedback.length > 0) choice.children.push({type: 'courseFeedback', children: feedback, data: item.data})
  return choice
}

function sizeOf(node: MystDirective, file: VFile): FreeResponseSize {
  const size = option(node, 'size')?.toLowerCase().replace(/[-_]/g, ' ')
  if (size === undefined) return 'paragraph'
  if ((SIZES as readonly string[]).includes(size)) return size as FreeResponseSize
  warn(file, node, `Unknown free-response size "${size}"; expected ${SIZES.join(', ')}; "paragraph" is used`)
  return 'paragraph'
}

function warn(file: VFile, node: MystDirective, reason: string): void {
  emit(file, 'interaction-invalid', reason, {node, stage: 'course'})
}

import type {Heading} from 'mdast'
import type {State} from './state.js'
import type {XmlElement} from './types.js'
import {fit} from './content-model.js'
import {childId} from './ids.js'

/** A page's top-level content in reading order: converted blocks, and the headings between them. */
export type FlowItem = {blocks: XmlElement[]} | {heading: Heading}

interface Open {
  depth: number
  element: XmlElement
  title: XmlElement
  children: XmlElement[]
}

/**
 * Nest a page's blocks under its headings. Nesting follows the headings'
 * relative levels, so a page that skips a level (`#` then `###`) still nests
 * properly: the first level is `Section` (with `Title`), then `SubSection`,
 * `SubSubSection` (with `Heading`), and below that `InternalSection`; with
 * `ouxml.headings: 'internal'` every level is an `InternalSection`. A
 * section's id is the page's session id, `_` and the heading's slug (the
 * fragment the website uses), so links to `page.md#heading` resolve. With
 * `ouxml.numberSessions`, Section and SubSection titles carry their number
 * within the page (`_cbnum`), for the assembly to complete.
 */
export function sectionise(state: State, items: readonly FlowItem[]): XmlElement[] {
  const top: XmlElement[] = []
  const stack: Open[] = []
  // Section numbers within the page; the assembly puts the session's number before them.
  const counts = [0, 0]
  const close = (open: Open) => {
    const content = fit(state, open.element.name, open.children)
    // A Section must hold something besides its title.
    if (content.length === 0 && open.element.name === 'Section') content.push(state.element('Paragraph', {}))
    open.element.elements = [open.title, ...content]
  }
  for (const item of items) {
    if ('blocks' in item) {
      ;(stack.at(-1)?.children ?? top).push(...item.blocks)
      continue
    }
    const heading = item.heading
    while (stack.length > 0 && stack.at(-1)!.depth >= heading.depth) close(stack.pop()!)
    const name = containerName(stack.length + 1, state.options.headings)
    const slug = (heading.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id
    const id = state.ids.unique(childId(state.sessionId, typeof slug === 'string' ? slug : 'section'))
    const titleName = name === 'Section' || name === 'SubSection' ? 'Title' : 'Heading'
    const element = state.element(name, {id}, [], heading)
    const title = state.element(titleName, {_cbnum: state.options.numberSections ? sectionNumber(name, counts) : undefined}, state.titleContent(heading), heading)
    ;(stack.at(-1)?.children ?? top).push(element)
    stack.push({depth: heading.depth, element, title, children: []})
  }
  while (stack.length > 0) close(stack.pop()!)
  return top
}

/** `2` for a page's second Section, `2.1` for its first SubSection; undefined for other levels. */
function sectionNumber(name: string, counts: number[]): string | undefined {
  if (name === 'Section') {
    counts[1] = 0
    return String(++counts[0]!)
  }
  if (name === 'SubSection') return `${counts[0]}.${++counts[1]!}`
  return undefined
}

function containerName(level: number, headings: 'sections' | 'internal'): string {
  if (headings === 'internal') return 'InternalSection'
  return ['Section', 'SubSection', 'SubSubSection'][level - 1] ?? 'InternalSection'
}

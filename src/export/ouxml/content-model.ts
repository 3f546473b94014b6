import type {State} from './state.js'
import type {XmlElement, XmlNode} from './types.js'

/**
 * What the OU schema lets each container the export builds hold, and what
 * to do with a block that may not go where Markdown put it (a table in a
 * list item, a code block in a quote, a list three deep). The replacement
 * keeps the content in a form the container allows, with a diagnostic, so
 * the export never writes an element the schema rejects.
 */
const STRUCTURAL = ['Paragraph', 'BulletedList', 'NumberedList', 'UnNumberedList', 'Chemistry', 'Figure', 'Table', 'Equation', 'KeyPoints', 'MultiColumnText', 'Reference', 'RevealMore']
const LEARNING = ['Activity', 'Box', 'CaseStudy', 'ComputerDisplay', 'Dialogue', 'Example', 'Exercise', 'Extract', 'ITQ', 'ProgramListing', 'Quote', 'Reading', 'SAQ', 'StudyNote', 'Verse', 'MediaContent', 'InternalSection', 'Proof']
const SUBHEADINGS = ['SubHeading', 'SubSubHeading']
const LIST_ITEM = ['Paragraph', 'Equation', 'Chemistry', 'Figure', 'ComputerDisplay', 'ProgramListing']
const CELL = ['Paragraph', 'BulletedList', 'NumberedList', 'UnNumberedList', 'Chemistry', 'Figure', 'Equation']

const set = (...names: string[][]) => new Set(names.flat())

const CONTENT: Readonly<Record<string, ReadonlySet<string>>> = {
  Session: set(STRUCTURAL, LEARNING, ['Section']),
  Section: set(STRUCTURAL, LEARNING, ['SubSection']),
  SubSection: set(STRUCTURAL, LEARNING, ['SubSubSection']),
  SubSubSection: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  InternalSection: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  Box: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  Quote: set(STRUCTURAL, SUBHEADINGS, ['Quote']),
  ListItem: set(LIST_ITEM, ['BulletedSubsidiaryList', 'NumberedSubsidiaryList']),
  SubListItem: set(LIST_ITEM),
  th: set(CELL),
  td: set(CELL),
  Description: set(STRUCTURAL),
  // An activity's parts, and the options of an interaction (the schema allows paragraphs only there).
  Question: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  Answer: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  Discussion: set(STRUCTURAL, LEARNING, SUBHEADINGS),
  Right: set(['Paragraph']),
  Wrong: set(['Paragraph']),
  Feedback: set(['Paragraph']),
}

/** Containers whose first child is their title, kept apart from the content. */
const HEADED = new Set(['Section', 'SubSection', 'SubSubSection', 'InternalSection', 'Box', 'Quote', 'Extract'])

/** `children` made fit for `container`: allowed blocks as they are, others replaced (and reported). */
export function fit(state: State, container: string, children: XmlElement[]): XmlElement[] {
  const allowed = CONTENT[container]
  if (!allowed) return children
  return children.flatMap((child) => (allowed.has(child.name) ? [child] : fit(state, container, lower(state, child, container))))
}

function lower(state: State, child: XmlElement, container: string): XmlElement[] {
  const report = (as: string) => state.warn('ouxml-unmapped', `${article(child.name)} cannot go inside ${article(container, false)} in OU-XML; it was written as ${as}`, child.pos)
  const kids = (child.elements ?? []).filter((n): n is XmlElement => n.type === 'element')
  if (HEADED.has(child.name)) {
    report('its heading and content')
    return kids.map((k) => (k.name === 'Title' || k.name === 'Heading' || k.name === 'SourceReference' ? boldParagraph(state, k) : k))
  }
  if ((child.name === 'BulletedList' || child.name === 'NumberedList') && container === 'ListItem') {
    const name = child.name === 'BulletedList' ? 'BulletedSubsidiaryList' : 'NumberedSubsidiaryList'
    const items = kids.map((item) => ({...item, name: 'SubListItem', elements: fit(state, 'SubListItem', elementChildren(item))}))
    return [{...child, name, attributes: child.name === 'NumberedList' ? child.attributes : undefined, elements: items}]
  }
  if (/List$/.test(child.name)) {
    report('paragraphs, one per item')
    const numbered = child.name.startsWith('Numbered')
    return kids.flatMap((item, i) => {
      const [first, ...rest] = elementChildren(item)
      const marker: XmlNode = {type: 'text', text: numbered ? `${i + 1}. ` : '– '}
      const head = first?.name === 'Paragraph' ? {...first, elements: [marker, ...(first.elements ?? [])]} : state.element('Paragraph', {}, [marker])
      return [head, ...(first?.name === 'Paragraph' ? rest : first ? [first, ...rest] : rest)]
    })
  }
  if (child.name === 'Table') {
    report('paragraphs, one per row')
    const rows = kids.filter((k) => k.name === 'tbody').flatMap(elementChildren)
    return rows.map((row) => state.element('Paragraph', {}, [{type: 'text', text: elementChildren(row).map(textOf).join(' | ')}], child.pos))
  }
  if (child.name === 'ProgramListing' || child.name === 'ComputerDisplay') {
    report('a paragraph of computer code')
    const lines = kids.map(textOf)
    const code = lines.flatMap((line, i): XmlNode[] => (i === 0 ? [{type: 'text', text: line}] : [{type: 'element', name: 'br'}, {type: 'text', text: line}]))
    return [state.element('Paragraph', {}, [state.element('ComputerCode', {}, code)], child.pos)]
  }
  if (child.name === 'MediaContent') {
    report('a paragraph linking to it')
    const src = child.attributes?.src ?? ''
    return [state.element('Paragraph', {}, [state.element('a', {href: src}, [{type: 'text', text: 'Interactive content (HTML5 package)'}])], child.pos)]
  }
  if (child.name === 'SubHeading' || child.name === 'SubSubHeading') {
    report('a bold paragraph')
    return [boldParagraph(state, child)]
  }
  report('a paragraph of its text')
  return [state.element('Paragraph', {}, [{type: 'text', text: textOf(child)}], child.pos)]
}

/** The element children of an element. */
export function elementChildren(element: XmlElement): XmlElement[] {
  return (element.elements ?? []).filter((n): n is XmlElement => n.type === 'element')
}

/** All the text inside a node. */
export function textOf(node: XmlNode): string {
  return node.type === 'text' ? node.text : (node.elements ?? []).map(textOf).join('')
}

function boldParagraph(state: State, heading: XmlElement): XmlElement {
  return state.element('Paragraph', {}, heading.elements?.length ? [{type: 'element', name: 'b', elements: heading.elements}] : [], heading.pos)
}

function article(name: string, capital = true): string {
  const a = /^[AEIOU]/.test(name) ? 'an' : 'a'
  return `${capital ? a.charAt(0).toUpperCase() + a.slice(1) : a} ${name}`
}

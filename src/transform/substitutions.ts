import type {Nodes, Paragraph, Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {CellData} from '../pipeline/types.js'
import {emit} from '../diagnostics/message.js'

export interface SubstitutionsOptions {
  /** The course's substitutions (`config.substitutions`); the page's front matter `substitutions` add to them and win. */
  substitutions: Readonly<Record<string, string>>
  /** How a value is read as Markdown (the page parser's block parser). */
  parseMarkdown: (text: string) => RootContent[]
}

/** `{{ name }}` or `{{name}}`; what is inside is checked against the names defined. */
const REFERENCE = /\{\{\s*([^{}\n]*?)\s*\}\}/g

/**
 * Subtrees never substituted: a code cell and its outputs are what the code
 * printed. (Code, math and raw HTML hold their text as a `value`, never as
 * text nodes, so they are left alone without being listed.)
 */
const LITERAL = new Set(['notebookCodeCell', 'notebookOutput'])

/**
 * Replace MyST substitution references, `{{ name }}`, in the text of a page
 * and of its Markdown cells (directive bodies and titles included) with
 * their values, read as Markdown: inline where the reference is in running
 * text, as blocks where it is a paragraph of its own. An unknown name is a
 * `substitution-unknown` warning at its line and stays as written. The new
 * nodes take the reference's position (and notebook cell), so later
 * diagnostics point at it.
 */
export function substitutionsTransform(tree: Root, file: VFile, options: SubstitutionsOptions): void {
  const values = {...options.substitutions, ...frontmatterSubstitutions(file.data.coursebook?.frontmatter)}
  const parsed = new Map<string, RootContent[]>()
  const parse = (name: string) => {
    let nodes = parsed.get(name)
    if (!nodes) parsed.set(name, (nodes = options.parseMarkdown(values[name]!)))
    return nodes
  }
  const walk = (parent: Parents, cell: number | undefined) => {
    if (parent.type === 'mystDirective' && parent.args.includes('{{')) parent.args = substituteText(parent.args, values)
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]! as Nodes
      if (LITERAL.has(child.type)) continue
      const childCell = (child.data as CellData | undefined)?.cell ?? (child.type === 'notebookMarkdownCell' ? child.index : cell)
      const blocks = child.type === 'paragraph' ? blockValue(child, values, parse) : undefined
      if (blocks && child.type === 'paragraph') {
        // A paragraph that is nothing but the reference becomes the value's blocks.
        parent.children.splice(i, 1, ...(placed(structuredClone(blocks), child.children[0] as Text, child.position?.start) as never[]))
        i += blocks.length - 1
        continue
      }
      if (child.type === 'text') {
        if (!child.value.includes('{{')) continue
        const replacement = substituteNode(child, values, parse, (message, place) => emit(file, 'substitution-unknown', message, {place, cell: childCell, stage: 'substitutions'}))
        if (!replacement) continue
        parent.children.splice(i, 1, ...(replacement as never[]))
        i += replacement.length - 1
        continue
      }
      if ('children' in child) walk(child as Parents, childCell)
    }
  }
  walk(tree, undefined)
}

function substituteNode(
  node: Text,
  values: Record<string, string>,
  parse: (name: string) => RootContent[],
  warn: (message: string, place: Point | undefined) => void,
): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = []
  let last = 0
  let changed = false
  for (const match of node.value.matchAll(REFERENCE)) {
    const [whole, name] = match
    const place = pointAt(node, match.index)
    if (!Object.hasOwn(values, name!)) {
      const known = Object.keys(values)
      warn(`\`${whole}\` names no substitution${known.length > 0 ? `; defined: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}` : ' (none are defined)'}`, place)
      continue
    }
    if (match.index > last) out.push({type: 'text', value: node.value.slice(last, match.index)})
    out.push(...placed(inlineOf(parse(name!), values[name!]!), node, place))
    last = match.index + whole.length
    changed = true
  }
  if (!changed) return undefined
  if (last < node.value.length) out.push({type: 'text', value: node.value.slice(last)})
  return out
}

/** A value as inline content: the phrasing of its one paragraph; a value of several blocks, in running text, is its source text. */
function inlineOf(blocks: RootContent[], raw: string): PhrasingContent[] {
  if (blocks.length === 1 && blocks[0]!.type === 'paragraph') return structuredClone(blocks[0].children)
  return [{type: 'text', value: raw}]
}

/** The blocks a paragraph that is only `{{ name }}` becomes, when the value is more than one paragraph. */
function blockValue(paragraph: Paragraph, values: Record<string, string>, parse: (name: string) => RootContent[]): RootContent[] | undefined {
  const [only] = paragraph.children
  if (paragraph.children.length !== 1 || only?.type !== 'text') return undefined
  const match = /^\s*\{\{\s*([^{}\n]*?)\s*\}\}\s*$/.exec(only.value)
  if (!match || !Object.hasOwn(values, match[1]!)) return undefined
  const blocks = parse(match[1]!)
  return blocks.length > 0 && !(blocks.length === 1 && blocks[0]!.type === 'paragraph') ? blocks : undefined
}

/** Give inserted nodes the reference's place and cell, recursively; positions within the value mean nothing on the page. */
function placed<T extends Nodes>(nodes: T[], reference: Text, start: Point | undefined): T[] {
  const cell = (reference.data as CellData | undefined)?.cell
  const visit = (node: Nodes) => {
    node.position = start && reference.position ? {start, end: reference.position.end} : undefined
    if (cell !== undefined) node.data = {...node.data, cell} as never
    if ('children' in node) (node.children as Nodes[]).forEach(visit)
  }
  nodes.forEach(visit)
  return nodes
}

/** The point `offset` characters into a text node (approximate where the source had escapes or entities). */
function pointAt(node: Text, offset: number): Point | undefined {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, offset)
  const lines = before.split('\n')
  const line = start.line + lines.length - 1
  const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + offset
  return {line, column}
}

/** Plain textual substitution, for directive titles (parsed as Markdown later). */
function substituteText(text: string, values: Record<string, string>): string {
  return text.replace(REFERENCE, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))
}

function frontmatterSubstitutions(frontmatter: Record<string, unknown> | undefined): Record<string, string> {
  const given = frontmatter?.substitutions
  if (!given || typeof given !== 'object' || Array.isArray(given)) return {}
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(given)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = String(value)
  }
  return out
}

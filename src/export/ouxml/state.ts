import type {Nodes, Parents, Definition, FootnoteDefinition} from 'mdast'
import type {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import {visit} from '../../pipeline/visit.js'
import type {CellData, PageSource} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import type {RuleId} from '../../diagnostics/rule-ids.js'
import type {OuxmlLink, OuxmlPackage, SourcePos, XmlElement, XmlNode} from './types.js'
import {cleanText, describeChar} from './escape.js'
import {IdSet} from './ids.js'
import {foldInlineHtml} from './inline-html.js'

/** What converting one page needs from the config. */
export interface ConvertOptions {
  /** `ouxml.htmlOutputs`: ship other HTML outputs as an HTML5 package, or leave them out. */
  htmlOutputs: 'package' | 'omit'
  /** `ouxml.headings`: headings make Section/SubSection/SubSubSection, or nested InternalSection. */
  headings: 'sections' | 'internal'
  /** Put before the package path of every image (`Image src`). */
  imagePathPrefix: string
  /** Put before the package path of every other file (HTML5 packages, linked files). */
  mediaPathPrefix: string
  /** Number section titles (`ouxml.numberSessions`, on a page that is not a unit's introduction). */
  numberSections: boolean
}

/** A handler turns one node into OU-XML: block elements in flow content, inline nodes in phrasing content. */
// `any`: handlers are looked up by node type, and each one declares the node type it takes.
export type Handler = (state: State, node: any, parent: Parents | undefined) => XmlNode[]

/**
 * The state of one page's conversion: the handler table, the page, ids,
 * the media it refers to, reference definitions, and the context handlers
 * need (phrasing or flow, list depth, inside a title).
 */
export class State {
  readonly ids = new IdSet()
  readonly media = new Set<string>()
  readonly packages: OuxmlPackage[] = []
  readonly links: OuxmlLink[] = []
  readonly definitions = new Map<string, Definition>()
  readonly footnotes = new Map<string, FootnoteDefinition>()
  /** True while converting phrasing content (inside a paragraph, heading or cell). */
  inline = false
  /** True inside a Title or Heading, where the OU rules allow no cross-references or footnotes. */
  inTitle = false
  /** How many lists deep the conversion is: 0 outside lists. */
  listDepth = 0

  constructor(
    readonly file: VFile,
    readonly page: PageSource,
    readonly sessionId: string,
    readonly options: ConvertOptions,
    private readonly handlers: Readonly<Record<string, Handler>>,
    tree: Nodes,
  ) {
    visit(tree, (node) => {
      if (node.type === 'definition') this.definitions.set(node.identifier, node)
      if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node)
    })
  }

  /** One node through its handler; a node type with no handler is a diagnostic and keeps its text. */
  one(node: Nodes, parent: Parents | undefined): XmlNode[] {
    const handler = Object.hasOwn(this.handlers, node.type) ? this.handlers[node.type] : undefined
    if (handler) return handler(this, node, parent)
    const text = this.text(toString(node), node)
    this.warn('ouxml-unmapped', `${describeNode(node)} has no OU-XML mapping; its text is kept`, node)
    if (!text.trim()) return []
    return this.inline ? [{type: 'text', text}] : [this.element('Paragraph', {}, [{type: 'text', text}], node)]
  }

  /** The children of `parent` as flow content: block elements only. */
  blocks(parent: Parents): XmlElement[] {
    return this.flow(parent.children as Nodes[], parent)
  }

  /** Nodes as flow content: block elements only (stray phrasing content is wrapped in a Paragraph). */
  flow(nodes: readonly Nodes[], parent: Parents | undefined): XmlElement[] {
    const saved = this.inline
    this.inline = false
    const out: XmlElement[] = []
    let loose: XmlNode[] = []
    const flush = () => {
      if (loose.some((n) => n.type === 'element' || n.text.trim())) out.push(this.element('Paragraph', {}, loose))
      loose = []
    }
    for (const child of nodes) {
      for (const result of this.one(child, parent)) {
        if (result.type === 'element' && !INLINE.has(result.name)) {
          flush()
          out.push(result)
        } else loose.push(result)
      }
    }
    flush()
    this.inline = saved
    return out
  }

  /** The children of `parent` as phrasing content. */
  inlines(parent: Parents): XmlNode[] {
    const saved = this.inline
    this.inline = true
    const out = foldInlineHtml(parent.children.flatMap((child) => this.one(child as Nodes, parent)))
    this.inline = saved
    return out
  }

  /** Phrasing content for a Title, Heading or Caption: no cross-references or footnotes inside. */
  titleContent(parent: Parents): XmlNode[] {
    const saved = this.inTitle
    this.inTitle = true
    const out = this.inlines(parent)
    this.inTitle = saved
    return out
  }

  /** Text made safe for XML 1.0; dropped characters are reported once per node. */
  text(value: string, node?: Nodes | SourcePos): string {
    const {text, dropped} = cleanText(value)
    if (dropped.length > 0) {
      const names = [...new Set(dropped.map(describeChar))].join(', ')
      this.warn('ouxml-invalid-char', `Dropped ${dropped.length} character${dropped.length === 1 ? '' : 's'} that XML 1.0 forbids or discourages (${names})`, node)
    }
    return text
  }

  /** An element with the node's source position. Attributes with undefined values are left out. */
  element(name: string, attributes: Record<string, string | undefined>, elements: XmlNode[] = [], from?: Nodes | SourcePos): XmlElement {
    const element: XmlElement = {type: 'element', name}
    const defined = Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined)
    if (defined.length > 0) element.attributes = Object.fromEntries(defined)
    if (elements.length > 0) element.elements = elements
    const pos = from && 'type' in from ? this.pos(from) : from
    if (pos) element.pos = pos
    return element
  }

  /** The source position of a node: its start line and column, and its notebook cell. */
  pos(node: Nodes | undefined): SourcePos | undefined {
    if (!node) return undefined
    const start = node.position?.start
    const cell = (node.data as CellData | undefined)?.cell
    if (!start && cell === undefined) return undefined
    return {line: start?.line, column: start?.column, cell}
  }

  /** Report a diagnostic on the page at a node or position. */
  warn(rule: RuleId, reason: string, at?: Nodes | SourcePos): void {
    if (at && 'type' in at) {
      emit(this.file, rule, reason, {node: at, stage: 'ouxml'})
      return
    }
    const place = at?.line !== undefined ? {line: at.line, column: at.column ?? 1} : undefined
    emit(this.file, rule, reason, {place, cell: at?.cell, stage: 'ouxml'})
  }
}

/** Element names that are phrasing content (they go inside a Paragraph, never beside one). */
export const INLINE = new Set([
  'b', 'i', 'u', 'sup', 'sub', 'smallCaps', 'a', 'br', 'footnote', 'ComputerCode', 'CrossRef', 'olink', 'InlineEquation', 'InlineFigure',
])

/** How a node is named in a message: `Raw HTML`, `a "mermaid" directive`, or its type. */
export function describeNode(node: Nodes): string {
  return `A \`${node.type}\` node`
}

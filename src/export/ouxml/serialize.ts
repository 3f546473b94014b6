import {js2xml, type Element as XmlJsElement} from 'xml-js'
import type {SourcePos, XmlElement, XmlNode} from './types.js'
import {attributeForXmlJs, textForXmlJs} from './escape.js'
import {INLINE} from './state.js'

/** Where an element of the written XML came from. */
export interface LineEntry {
  name: string
  file?: string
  pos?: SourcePos
}

export interface Serialized {
  xml: string
  /** For each line of `xml` (index 0 is line 1), the source of the elements that start on it. */
  lines: LineEntry[][]
}

/** XML as xml-js wrote it, still carrying source marks, and what each mark stands for. */
export interface Marked {
  xml: string
  /** The element each mark `_cbsrc="n"` stands for, by `n`. */
  sources: LineEntry[]
}

// A temporary first attribute on elements with a known source; it is noted on
// the line it lands on and removed once the document is complete. Text never
// holds a raw `<`, so only a real start tag can match.
const MARK = '_cbsrc'
const MARK_PATTERN = new RegExp(`<([A-Za-z][\\w.:-]*) ${MARK}="(\\d+)"`, 'g')

/**
 * Write elements that stand at `depth` with xml-js: a document's root at 0,
 * or the content of a session at 3, each on its own line (a fragment to be
 * spliced into a document). Elements that hold only blocks are indented one
 * per line; mixed content (paragraphs, titles, code) is written exactly as
 * it is, since OU-XML keeps whitespace there. Elements with a source (`pos`,
 * or `file` on a session) get a mark, to be resolved by `locateMarks`.
 */
export function writeXml(elements: readonly XmlElement[], depth: number): Marked {
  const sources: LineEntry[] = []
  const prepare = (node: XmlNode, depth: number, file: string | undefined): XmlJsElement => {
    if (node.type === 'text') return {type: 'text', text: textForXmlJs(node.text)}
    const here = node.file ?? file
    const element: XmlJsElement = {type: 'element', name: node.name}
    let attributes: Record<string, string> | undefined
    if (node.pos || node.file) {
      attributes = {[MARK]: String(sources.length)}
      sources.push({name: node.name, file: here, pos: node.pos})
    }
    if (node.attributes) {
      attributes ??= {}
      for (const key in node.attributes) attributes[key] = attributeForXmlJs(node.attributes[key]!)
    }
    if (attributes) element.attributes = attributes
    const children: XmlJsElement[] = []
    for (const child of node.elements ?? []) if (child.type === 'element' || child.text) children.push(prepare(child, depth + 1, here))
    if (children.length > 0) element.elements = indents(node, children) ? indent(children, depth) : children
    return element
  }
  const body = elements.map((e) => prepare(e, depth, undefined))
  const xml = js2xml({elements: depth === 0 ? body : body.flatMap((e) => [pad(depth), e])})
  return {xml, sources}
}

/**
 * Remove the marks from finished XML and note, for each line, the source of
 * the elements that start on it. `sourceAt(n, offset)` says what mark `n` at
 * `offset` (in `xml`) stands for.
 */
export function locateMarks(xml: string, sourceAt: (mark: number, offset: number) => LineEntry | undefined): Serialized {
  const lines: LineEntry[][] = [[]]
  let scanned = 0
  const text = xml.replace(MARK_PATTERN, (_whole, name: string, index: string, offset: number) => {
    for (let at = xml.indexOf('\n', scanned); at !== -1 && at < offset; at = xml.indexOf('\n', at + 1)) lines.push([])
    scanned = offset
    const entry = sourceAt(Number(index), offset)
    if (entry) lines.at(-1)!.push(entry)
    return `<${name}`
  })
  for (let at = xml.indexOf('\n', scanned); at !== -1; at = xml.indexOf('\n', at + 1)) lines.push([])
  return {xml: text, lines}
}

/** A whole document: the XML declaration, then `root`, with its line map. */
export function serialize(root: XmlElement): Serialized {
  const {xml, sources} = writeXml([root], 0)
  return locateMarks(`${XML_DECLARATION}\n${xml}\n`, (n) => sources[n])
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** Whether an element's children go one per line: only blocks inside a non-inline element. */
function indents(node: XmlElement, children: XmlJsElement[]): boolean {
  if (INLINE.has(node.name)) return false
  return children.every((child) => child.type === 'element' && !INLINE.has(child.name!))
}

function indent(children: XmlJsElement[], depth: number): XmlJsElement[] {
  const inner = pad(depth + 1)
  const indented: XmlJsElement[] = []
  for (const child of children) indented.push(inner, child)
  indented.push(pad(depth))
  return indented
}

/** Line breaks with indentation, one shared node per depth (xml-js only reads them). */
const PADS: XmlJsElement[] = []

function pad(depth: number): XmlJsElement {
  return (PADS[depth] ??= {type: 'text', text: `\n${'  '.repeat(depth)}`})
}

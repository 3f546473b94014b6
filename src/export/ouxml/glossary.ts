import type {XmlElement, XmlNode} from './types.js'
import {cleanText} from './escape.js'

/** A glossary term as the export needs it: the term and its definition as plain text. */
export interface GlossaryItemSource {
  term: string
  text: string
}

/**
 * The course glossary as OU-XML: `BackMatter` holding a `Glossary` with a
 * `GlossaryItem` (`Term`, `Definition`) per term, in the order given, for the
 * end of each `Item` (the schema's place for it). Definitions are plain text
 * (formulas as their TeX). Undefined when there are no terms.
 */
export function glossaryBackMatter(terms: readonly GlossaryItemSource[]): XmlElement | undefined {
  if (terms.length === 0) return undefined
  const items = terms.map((t) => element('GlossaryItem', [element('Term', text(t.term)), element('Definition', text(t.text))]))
  return element('BackMatter', [element('Glossary', items)])
}

function element(name: string, elements: XmlNode[]): XmlElement {
  return elements.length > 0 ? {type: 'element', name, elements} : {type: 'element', name}
}

function text(value: string): XmlNode[] {
  const clean = cleanText(value).text.replace(/\s+/g, ' ').trim()
  return clean ? [{type: 'text', text: clean}] : []
}

import type {Root, RootContent} from 'mdast'
import {slug} from 'github-slugger'
import {toString} from 'mdast-util-to-string'
import {walk} from './walk.js'
import type {GlossaryEntry, PageResult} from '../../pipeline/types.js'

export type GlossaryEntries = NonNullable<PageResult['glossary']>

/** The id of a glossary term, on its page and on the course glossary page: `term-<slug>`. */
export function termId(term: string): string {
  return `term-${slug(term.trim()) || 'term'}`
}

/**
 * Keep a glossary definition's plain text (formulas as their TeX) on its
 * entry, before the math transform replaces formulas with HTML.
 */
export function keepGlossaryText(entry: GlossaryEntry): void {
  entry.data = {...entry.data, plainText: plainText(entry.children)} as typeof entry.data
}

/**
 * The page's glossary entries, in order: one per term (terms sharing a
 * definition each get it), with the definition as HTML (made by `toHtml`,
 * so it is rendered as the rest of the page is: run this after the math and
 * highlight transforms) and as plain text (kept by `keepGlossaryText`).
 * Undefined when the page has none.
 */
export function collectGlossary(tree: Root, toHtml: (root: Root) => string): GlossaryEntries | undefined {
  const entries: GlossaryEntries = []
  walk(tree, (entry) => {
    if (entry.type !== 'glossaryEntry') return undefined
    const definition: Root = {type: 'root', children: entry.children as RootContent[]}
    const html = toHtml(definition)
    const kept = (entry.data as {plainText?: unknown} | undefined)?.plainText
    const text = typeof kept === 'string' ? kept : plainText(entry.children)
    for (const term of entry.terms) {
      if (term.trim()) entries.push({term: term.trim(), id: termId(term), html, text})
    }
    return undefined
  })
  return entries.length > 0 ? entries : undefined
}

function plainText(nodes: readonly RootContent[]): string {
  return nodes.map((node) => toString(node, {includeHtml: false})).join(' ').replace(/\s+/g, ' ').trim()
}

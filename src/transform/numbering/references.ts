import {posix} from 'node:path'
import type {Link, Nodes, PhrasingContent, Text} from 'mdast'
import type {CellData, CrossReference, PageReference} from '../../pipeline/types.js'
import {token} from '../../pipeline/tokens.js'
import {texReferences} from './tex.js'

/**
 * A `crossReference` as a link whose href and (when the author gave no text)
 * text are link-stage tokens, and the reference with its place. The payload
 * of both tokens is `kind:target`; a `{doc}` target is made a
 * content-relative path here (from `page`, the page's own path), since only
 * the page knows where it is. A `{numref}`'s explicit text has `%s` or
 * `{number}` replaced by the number token. References to labels and pages
 * also carry `data.pageLink` (the token as its source), so the OU-XML
 * conversion makes a `CrossRef` for the assembly to resolve; `{term}` links
 * to the course glossary, which OU-XML has no place to link to, so they are
 * text there.
 */
export function crossReferenceLink(node: CrossReference, page: string): {link: Link; reference: PageReference} {
  const target = node.kind === 'doc' ? docPath(node.target, page) : node.target.trim()
  return {link: referenceLink(node, target), reference: placed({kind: node.kind, target}, node)}
}

/** The references a formula makes in TeX (`\eqref`, `\ref`), which the math transform typesets. */
export function formulaReferences(node: Nodes & {value: string}): PageReference[] {
  return texReferences(node.value).map((ref) => placed({kind: ref.command === 'eqref' ? 'eq' : 'numref', target: ref.label}, node))
}

function referenceLink(node: CrossReference, target: string): Link {
  const payload = `${node.kind}:${target}`
  const href = token('href', payload)
  const explicit = node.children.length > 0
  const children = !explicit ? [text(token('text', payload))] : node.kind === 'numref' ? withNumber(node.children, target) : node.children
  const data: Link['data'] & CellData = {
    ...node.data,
    // Set as a property, not only as `url`: mdast-util-to-hast percent-encodes URLs, which would break the token.
    hProperties: {href, className: ['xref', `xref-${node.kind}`]},
  }
  if (node.kind !== 'term') data.pageLink = {source: href}
  return {type: 'link', url: href, children, position: node.position, data}
}

/** Explicit `{numref}` text with `%s` and `{number}` standing for the number. */
function withNumber(children: PhrasingContent[], label: string): PhrasingContent[] {
  const number = token('num', label)
  return children.map((child) => (child.type === 'text' ? {...child, value: child.value.replaceAll('%s', number).replaceAll('{number}', number)} : child))
}

/**
 * The content-relative path a `{doc}` target names: relative to the page's
 * folder, or to the content folder when it starts with `/`. The extension
 * may be left out, as MyST allows; the link step tries the page kinds.
 */
export function docPath(target: string, page: string): string {
  const path = target.trim().replace(/#.*$/, '')
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(page), path)
  return posix.normalize(joined).replace(/^\.\//, '')
}

function placed(reference: PageReference, node: Nodes): PageReference {
  const start = node.position?.start
  const cell = (node.data as CellData | undefined)?.cell
  if (start) {
    reference.line = start.line
    reference.column = start.column
  }
  if (cell !== undefined) reference.cell = cell
  return reference
}

function text(value: string): Text {
  return {type: 'text', value}
}

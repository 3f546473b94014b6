import {token} from '../../pipeline/tokens.js'

/**
 * What the numbering step reads in TeX: `\label{x}` (an equation's labels)
 * and `\eqref{x}` / `\ref{x}` (references to them, which KaTeX does not
 * know). References inside a formula are typeset as links through markers:
 * `markTexReferences` swaps each for an `\href` to a marker KaTeX is trusted
 * to link (see `trustReferenceMarkers`), and `restoreTexReferences` turns the
 * markers in KaTeX's output into link-stage tokens, and the TeX annotation
 * back into what the author wrote.
 */

const LABEL = /\\label\s*\{([^{}]*)\}/g
const REFERENCE = /\\(eqref|ref)\s*\{([^{}]*)\}/g
const MARKER_URL = /^#cbxref\d+$/

/** The labels a formula gives itself, in order, trimmed; empty ones left out. */
export function texLabels(tex: string): string[] {
  return [...tex.matchAll(LABEL)].map((m) => m[1]!.trim()).filter(Boolean)
}

/** Whether a formula numbers itself with `\tag`. */
export function hasTag(tex: string): boolean {
  return /\\tag\*?\s*\{/.test(tex)
}

/** A reference written in TeX: `\eqref{x}` shows `(2.3)`, `\ref{x}` the bare number. */
export interface TexReference {
  command: 'eqref' | 'ref'
  label: string
  /** Offset of the command in the TeX it was found in. */
  offset: number
}

/** Every `\eqref{…}` and `\ref{…}` in `text`, in order. */
export function texReferences(text: string): TexReference[] {
  if (!text.includes('ref')) return []
  return [...text.matchAll(REFERENCE)].map((m) => ({command: m[1] as TexReference['command'], label: m[2]!.trim(), offset: m.index}))
}

/** The text a TeX reference shows: a token for `(2.3)` (`\eqref`) or `2.3` (`\ref`). */
export function texReferenceText(reference: Pick<TexReference, 'command' | 'label'>): string {
  return reference.command === 'eqref' ? token('text', `eq:${reference.label}`) : token('num', reference.label)
}

/** The href token of a TeX reference. */
export function texReferenceHref(reference: Pick<TexReference, 'command' | 'label'>): string {
  return token('href', `${reference.command === 'eqref' ? 'eq' : 'ref'}:${reference.label}`)
}

export interface MarkedTex {
  tex: string
  /** The references replaced, by marker number, with the source they replaced. */
  references: Array<TexReference & {source: string}>
}

/** Replace each `\eqref{x}` / `\ref{x}` in a formula by a marker link KaTeX can typeset. */
export function markTexReferences(tex: string): MarkedTex {
  const references: MarkedTex['references'] = []
  if (!tex.includes('ref')) return {tex, references}
  const marked = tex.replace(REFERENCE, (source, command: TexReference['command'], label: string, offset: number) => {
    const n = references.push({command, label: label.trim(), offset, source}) - 1
    return `\\href{#cbxref${n}}{\\text{cbxref${n}}}`
  })
  return {tex: marked, references}
}

/** KaTeX's `trust` option: only the marker links `markTexReferences` writes are trusted. */
export function trustReferenceMarkers(context: {command: string; url?: string}): boolean {
  return context.command === '\\href' && MARKER_URL.test(context.url ?? '')
}

/** KaTeX output with the markers of `marked` replaced by tokens, and the TeX annotation as written. */
export function restoreTexReferences(html: string, marked: MarkedTex, escape: (text: string) => string): string {
  let out = html
  marked.references.forEach((reference, n) => {
    out = out
      .replaceAll(`\\href{#cbxref${n}}{\\text{cbxref${n}}}`, escape(reference.source))
      .replaceAll(`#cbxref${n}"`, `${texReferenceHref(reference)}"`)
      // MathML may run adjacent text together (`cbxref0 and cbxref1`): a marker ends where its digits do.
      .replace(new RegExp(`cbxref${n}(?!\\d)`, 'g'), () => texReferenceText(reference))
  })
  return out
}

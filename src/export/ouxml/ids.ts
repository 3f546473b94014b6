/**
 * OU-XML ids. Every id is an XML name (schema type `xsd:ID`), starts with
 * `X` as the OU's rules ask of an Item id, has no spaces, and is built from
 * stable paths and heading slugs, so that it stays the same across builds and
 * can be computed for a page that was not converted in this run.
 */

/** `raw` reduced to ASCII letters, digits, `.`, `_` and `-` (accents folded, anything else a hyphen). */
export function idPart(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
}

/** The `Session` id of a page, from its site path: `week-01/intro.html` → `X_week-01.intro`. */
export function sessionId(outPath: string): string {
  return `X_${outPath.replace(/\.html$/, '').split('/').map(idPart).join('.')}`
}

/**
 * The id of a heading's section, or of a labelled equation, on a page:
 * `<session id>_<slug>`. Page paths never hold `_`, so such an id can never
 * equal a session id, nor one from another page.
 */
export function childId(session: string, slug: string): string {
  return `${session}_${idPart(slug) || 'x'}`
}

/** The `Item` id: `X_<code>` for the whole course, `X_<code>_<unit slug>` for one unit. */
export function itemId(code: string, unitSlug?: string): string {
  const base = `X_${idPart(code) || 'COURSE'}`
  return unitSlug === undefined ? base : `${base}_${idPart(unitSlug) || 'unit'}`
}

/** A set of ids that hands out a fresh one (`id`, `id-2`, `id-3`…) when asked for a taken one. */
export class IdSet {
  private readonly used = new Set<string>()

  unique(candidate: string): string {
    let id = candidate
    for (let n = 2; this.used.has(id); n++) id = `${candidate}-${n}`
    this.used.add(id)
    return id
  }

  /** Every id handed out. */
  list(): string[] {
    return [...this.used]
  }
}

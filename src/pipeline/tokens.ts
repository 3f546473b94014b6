/**
 * Link-stage tokens: what a page cannot know when it is rendered alone (the
 * number of its third figure within the unit, the page a label lives on, the
 * title of another page) is written into its HTML body and OU-XML as a token,
 * and the link step replaces every token once all pages are known. A page's
 * rendering therefore stays independent of the other pages, so it can be
 * cached and rendered on any thread.
 *
 * A token is `U+E000 kind U+E001 payload U+E002`: private-use characters,
 * which no author writes, which HTML and XML escaping leave alone, and which
 * survive inside attribute values and text alike. The payload is
 * percent-encoded, so it never holds the delimiters.
 */

const OPEN = '\uE000'
const SEP = '\uE001'
const CLOSE = '\uE002'

/**
 * What a token stands for:
 * - `num`: the number of a target (`2.3`), payload the target's label;
 * - `href`: a URL to a target, a page or a glossary entry, relative to the page being written;
 * - `text`: the text a reference shows when the author gave none (a title, "Figure 2.3").
 * The payload of `href` and `text` is the reference as `kind:target`, e.g. `numref:fig-flow`.
 */
export type TokenKind = 'num' | 'href' | 'text'

export function token(kind: TokenKind, payload: string): string {
  return OPEN + kind + SEP + encodeURIComponent(payload) + CLOSE
}

const PATTERN = /\uE000(num|href|text)\uE001([^\uE000-\uE002]*)\uE002/g

/** Whether `value` holds any token (a quick test before replacing). */
export function hasTokens(value: string): boolean {
  return value.includes(OPEN)
}

/**
 * Replace every token in `value` with what `resolve` returns for it. The
 * resolver's result is inserted as is: the caller escapes it for the
 * context (HTML text and attributes, XML).
 */
export function replaceTokens(value: string, resolve: (kind: TokenKind, payload: string) => string): string {
  if (!hasTokens(value)) return value
  return value.replace(PATTERN, (_, kind: TokenKind, payload: string) => resolve(kind, decodeURIComponent(payload)))
}

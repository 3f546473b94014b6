const SAFE = Symbol.for('coursebook.SafeHtml')

/**
 * A tagged template for layouts that escapes every interpolated value unless it
 * is already `SafeHtml`. Layouts can therefore put titles, metadata and file
 * names into pages without ever producing markup from them.
 */
export class SafeHtml {
  /**
   * Marks trusted HTML across copies of this module: a course's own layouts
   * are loaded by jiti, which may give them their own copy of this file, and
   * their `html` results must still pass through the theme's (and back).
   * Data from content (YAML, JSON) cannot carry a symbol.
   */
  readonly [SAFE] = true
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

function isSafe(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml || (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SAFE] === true)
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

// C0 and C1 controls other than tab, line feed and carriage return: HTML forbids them.
const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g

/**
 * Escape text for use in HTML content or a quoted attribute value. Control
 * characters (from a title, a unit's metadata, a file name) are dropped.
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROLS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Mark a string as trusted HTML (rendered page bodies, KaTeX output). */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value)
}

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return ''
  if (isSafe(value)) return value.value
  if (Array.isArray(value)) return value.map(toHtml).join('')
  return escapeHtml(String(value))
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` results and `raw()` pass through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]!) + strings[i + 1]!
  return new SafeHtml(out)
}

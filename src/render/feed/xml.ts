import {encodePath} from '../../pipeline/urls.js'

// Characters XML 1.0 does not allow in a document (C0 controls other than tab and line ends, and the non-characters U+FFFE/U+FFFF).
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g

/** Escape text for XML content or a double-quoted attribute value; characters XML forbids are dropped. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/** An element with escaped attributes and already serialised children (or escaped text). */
export function element(name: string, attributes: Record<string, string | undefined>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`
}

/** An element holding text. */
export function textElement(name: string, text: string, attributes: Record<string, string | undefined> = {}): string {
  return element(name, attributes, escapeXml(text))
}

/**
 * The absolute URL of a site path under `baseUrl`, which is taken as a
 * folder whether or not it ends with a slash. Path segments are percent-encoded.
 */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return new URL(encodePath(sitePath), base).href
}

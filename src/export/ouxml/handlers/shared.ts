import {posix} from 'node:path'
import type {Nodes} from 'mdast'
import type {State} from '../state.js'
import type {SourcePos, XmlElement, XmlNode} from '../types.js'

/**
 * Helpers the handlers share: listings made of one Paragraph per line, the
 * package path of a site file a URL points at, ANSI codes removed.
 */

/** A text node, or nothing for empty text. */
export function text(value: string): XmlNode[] {
  return value ? [{type: 'text', text: value}] : []
}

/**
 * `ProgramListing` or `ComputerDisplay` holding one Paragraph per line of
 * `value`, whitespace as written (OU paragraphs preserve it). A final line
 * break does not make an empty last line.
 */
export function listing(state: State, name: 'ProgramListing' | 'ComputerDisplay', value: string, from?: Nodes | SourcePos): XmlElement {
  const clean = state.text(value, from).replace(/\n$/, '')
  const paragraphs = clean.split('\n').map((line) => state.element('Paragraph', {}, text(line)))
  return state.element(name, {}, paragraphs, from)
}

const SCHEME = /^([a-z][a-z0-9+.-]*:|\/\/)/i

/** Whether a URL leaves the site (has a scheme or is protocol-relative). */
export function isExternal(url: string): boolean {
  return SCHEME.test(url)
}

/**
 * The site path of a file a page-relative URL points to (`images/a.png` on
 * `week-1/p.html` → `week-1/images/a.png`), if the page wrote or copied that
 * file; undefined otherwise (a missing target was already reported).
 */
export function sitePathOf(state: State, url: string): string | undefined {
  if (!url || isExternal(url) || url.startsWith('#') || url.startsWith('/')) return undefined
  const path = url.split(/[?#]/)[0]!
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Keep a malformed escape as written.
  }
  const site = posix.normalize(posix.join(posix.dirname(state.page.outPath), decoded))
  if (site.startsWith('../')) return undefined
  const assets = state.file.data.coursebook?.assets ?? []
  return assets.some((asset) => asset.outPath === site) ? site : undefined
}

/** Register a site file for packaging and give the URL the OU-XML uses for it. */
export function packaged(state: State, sitePath: string, prefix: string): string {
  state.media.add(sitePath)
  return packageUrl(prefix, sitePath)
}

/** The URL of a file in the package: the prefix, then its path with each segment percent-encoded. */
export function packageUrl(prefix: string, path: string): string {
  return prefix + path.split('/').map(encodeURIComponent).join('/')
}

// CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-character escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g

/** Terminal text without its ANSI escape sequences. */
export function stripAnsi(value: string): string {
  return value.replace(ANSI, '')
}

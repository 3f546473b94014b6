/**
 * The data of the OU-XML export. A page is converted to xml-js `Element`
 * JSON (`{type: 'element', name, attributes, elements}`, plus annotations
 * xml-js ignores), written to XML where it was converted (pages may be on
 * worker threads), and handed on as an `OuxmlPage`: plain JSON, small to
 * pass between threads and to cache.
 */

/** Where in the source page an element came from; `cell` is 0-based, as on mdast nodes. */
export interface SourcePos {
  line?: number
  column?: number
  cell?: number
}

/** A link to another page of the course (or to a place on this page), resolved when the documents are assembled. */
export interface PageLink {
  /** Content-relative source path of the target page (forward slashes); undefined for `#hash` links on the same page. */
  source?: string
  /** Fragment without `#`, if any. */
  hash?: string
}

export interface XmlElement {
  type: 'element'
  name: string
  attributes?: Record<string, string>
  elements?: XmlNode[]
  /** Source position, used to map schema errors back to the page. */
  pos?: SourcePos
  /** On a `Session`: the source page (absolute path) its content came from. */
  file?: string
}

export interface XmlText {
  type: 'text'
  text: string
}

export type XmlNode = XmlElement | XmlText

/** An HTML5 package the export writes beside the XML: a zip holding the HTML as `index.html`. */
export interface OuxmlPackage {
  /** Site-relative path of the zip, forward slashes, e.g. `week-01/data_files/0a1b2c3d4e5f.zip`. */
  path: string
  /** The HTML fragment (the zip is made when the documents are written). */
  html: string
  /** The page title of `index.html`. */
  title: string
}

/** A cross-reference on a page, resolved when the documents are assembled. */
export interface OuxmlLink extends PageLink {
  pos?: SourcePos
}

/** Where a mark in a page's XML came from: element name, line, column and cell (0, 0, -1 when unknown). */
export type MarkSource = [name: string, line: number, column: number, cell: number]

/** One page as OU-XML: the content of its `Session`, and what it needs beside it. */
export interface OuxmlPage {
  /** The `Session` id, unique in the course. */
  id: string
  /**
   * The session's content after its `Title`, as XML: each block on its own
   * line, indented for a session in a unit (empty when there is none). Holds
   * placeholders the assembly resolves: source marks (`_cbsrc`, see `marks`),
   * cross-references (`<CrossRef _cbref="n">`, see `links`) and section
   * numbers (`<Title _cbnum="2.1">`).
   */
  xml: string
  /** What each source mark `_cbsrc="n"` in `xml` stands for, by `n`. */
  marks: MarkSource[]
  /** The cross-references in `xml`, by the `n` of their `_cbref`. */
  links: OuxmlLink[]
  /** Every id `xml` defines, the session's own included. */
  ids: string[]
  /** Site-relative paths of site files the content refers to (images, linked files), to be packaged. */
  media: string[]
  /** HTML5 packages made by the conversion (of notebook HTML outputs). */
  packages: OuxmlPackage[]
}

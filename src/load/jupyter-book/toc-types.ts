import type {SourcePoint} from './yaml-source.js'

/**
 * A Jupyter Book table of contents, read from any of its formats (jb-book,
 * jb-article, sphinx-external-toc's general form, the ≤0.10 list) into one
 * shape. Paths are as written (relative to the book folder, extension
 * optional); `at` is where the entry is written in the toc file.
 */
export interface BookToc {
  format: 'jb-book' | 'jb-article' | 'default' | 'legacy'
  /** The first page (`root:`, or the first entry of a list); absent when the toc names none. */
  root?: TocFileEntry
  /**
   * The top level in order. When the toc declares parts (jb-book `parts`,
   * `subtrees` under the root, `part:`/`header:` entries of the old format),
   * each is one part; otherwise there is one part with no caption holding
   * the chapters (or sections).
   */
  parts: TocPart[]
  /** Whether `parts` were declared, as opposed to the one implicit part. */
  hasParts: boolean
}

export interface TocPart {
  caption?: string
  /** `numbered` as written: true, or the depth to number to. */
  numbered?: boolean | number
  entries: TocEntry[]
  at?: SourcePoint
}

export type TocEntry = TocFileEntry | TocUrlEntry | TocGlobEntry

export interface TocFileEntry {
  kind: 'file'
  path: string
  title?: string
  /** Sections (or entries of its subtrees) below this page, in order. */
  children: TocEntry[]
  at?: SourcePoint
}

export interface TocUrlEntry {
  kind: 'url'
  url: string
  title?: string
  at?: SourcePoint
}

export interface TocGlobEntry {
  kind: 'glob'
  pattern: string
  at?: SourcePoint
}

import type {Root as MdastRoot, Parent, Literal, Data, RootContent} from 'mdast'
import type {Node} from 'unist'
import type {ResolvedConfig} from '../config/schema.js'
import type {Log} from '../diagnostics/report.js'
import type {OuxmlPage} from '../export/ouxml/types.js'

/** A course unit (usually a week), discovered from a folder of `content/`. */
export interface Unit {
  /** Folder name relative to the content folder, e.g. `week-01-intro`. */
  dir: string
  /** URL slug of the unit; its index page is `<slug>/index.html`. */
  slug: string
  title: string
  summary?: string
  /** Study time in minutes, as given (or summed from the pages). */
  studyTime?: number
  learningOutcomes: string[]
  /** Metadata given to every page of the unit; page front matter wins. */
  meta: Record<string, unknown>
  pages: PageSource[]
  /** Markdown body of the unit folder's `index.md`, shown on the unit page. */
  intro?: {path: string; source: string}
}

/** The course as discovered on disk, before any page is read. */
export interface Course {
  units: Unit[]
  /** Every page in reading order. */
  pages: PageSource[]
  /** Content-relative source path (forward slashes) → page. */
  pagesBySource: Map<string, PageSource>
  /** Markdown of `content/index.md`, shown on the course home. */
  intro?: {path: string; source: string}
}

/** A page found on disk: what is known before it is read. */
export interface PageSource {
  /** Absolute path of the source file. */
  path: string
  /** Path relative to the content folder, with forward slashes. */
  relPath: string
  kind: 'notebook' | 'markdown'
  /** Output path relative to the site root, forward slashes, e.g. `week-01/intro.html`. */
  outPath: string
  unit: Unit
  /** Position within the unit, 0-based. */
  order: number
}

/** Output of one page's render, enough for the link and write stages. */
export interface PageResult {
  source: PageSource
  title: string
  /** Front matter merged course → unit → page. */
  meta: Record<string, unknown>
  /** Headings for the in-page table of contents (depth 2 and 3). */
  headings: Array<{depth: number; id: string; text: string}>
  /** Rendered article body (HTML string, already safe to insert). */
  body: string
  /** Launch URL on Binder, or undefined when the page gets none. */
  binderUrl?: string
  /** Path (relative to the site root) of the downloadable notebook copy. */
  downloadPath?: string
  /** Files the page needs beside it. */
  assets: Asset[]
  /** Files besides the source that the page read or referred to (absolute; missing ones too). */
  dependencies: string[]
  /** True when the page was rendered as a placeholder because it failed. */
  failed: boolean
  /** Study time in minutes from the page's metadata. */
  studyTime?: number
  /** The page as OU-XML session content, when the export is enabled. */
  ouxml?: OuxmlPage
}

/** A file to be written into the site. Either bytes or a source file to copy. */
export interface Asset {
  /** Destination relative to the site root, forward slashes. */
  outPath: string
  data?: Uint8Array | string
  copyFrom?: string
}

/** The run-wide context: small and frozen. Stages never mutate it. */
export interface BuildContext {
  readonly config: ResolvedConfig
  readonly log: Log
  /** Map from content-relative source path (forward slashes) to its page. */
  readonly pagesBySource: ReadonlyMap<string, PageSource>
  readonly units: readonly Unit[]
}

// ---- Syntax-tree extensions for notebooks ----------------------------------

/** Data every node from a notebook carries: the 0-based cell it came from. */
export interface CellData extends Data {
  cell?: number
}

/** A Markdown cell: its parsed Markdown is the children. */
export interface NotebookMarkdownCell extends Parent {
  type: 'notebookMarkdownCell'
  index: number
  tags: string[]
  hidden: {input: boolean}
  children: RootContent[]
  /** Set by the cell-tags transform; same meaning as on code cells (`output` is always `show`). */
  display?: NotebookCodeCell['display']
}

/** A code cell with its saved outputs as children. */
export interface NotebookCodeCell extends Parent {
  type: 'notebookCodeCell'
  index: number
  source: string
  language: string
  executionCount: number | null
  tags: string[]
  /** From `metadata.jupyter.source_hidden` / `outputs_hidden`. */
  hidden: {input: boolean; output: boolean}
  /** Saved outputs; a TikZ magic cell's drawing replaces them (a `tikzFigure`). */
  children: Array<NotebookOutput | TikzFigure>
  /** Set by the highlight transform: the highlighted `<pre>` as HTML. */
  highlighted?: string
  /**
   * Set by the cell-tags transform from the Jupyter Book tags and `hidden`:
   * `hide` collapses that part behind a toggle, `remove` means it was already
   * deleted from the tree. Absent means everything is shown.
   */
  display?: {cell: 'show' | 'hide'; input: 'show' | 'hide' | 'remove'; output: 'show' | 'hide' | 'remove'}
}

/** A raw cell; `format` is its `raw_mimetype`/`format` metadata, lower-cased, or ''. */
export interface NotebookRawCell extends Literal {
  type: 'notebookRawCell'
  index: number
  format: string
  tags: string[]
}

export type NotebookOutput = StreamOutput | RichOutput | ErrorOutput

export interface StreamOutput extends Literal {
  type: 'notebookOutput'
  outputType: 'stream'
  name: 'stdout' | 'stderr'
}

export interface ErrorOutput extends Literal {
  type: 'notebookOutput'
  outputType: 'error'
  ename: string
  evalue: string
  /** Traceback lines joined with newlines, ANSI codes intact. */
  value: string
}

/**
 * An `execute_result` or `display_data`. The parser picks the MIME type by
 * Jupyter's display priority; `value` is its text (base64 for binary images).
 * For `text/markdown` and `text/latex` the parsed content is the children.
 */
export interface RichOutput extends Parent {
  type: 'notebookOutput'
  outputType: 'execute_result' | 'display_data'
  mime: string
  value: string
  /** Per-MIME metadata, e.g. `{width, height}` for images. */
  metadata: Record<string, unknown>
  executionCount?: number | null
  /** Set by the outputs transform when an image was written as a file. */
  url?: string
  /**
   * MIME types of the bundle that coursebook cannot render (e.g.
   * `application/javascript`); absent when there are none. When the bundle
   * had nothing else, `placeholder` is true and `value` names them.
   */
  unrenderable?: string[]
  placeholder?: boolean
  children: RootContent[]
}

/**
 * A TikZ diagram rendered to SVG at build time (from a ```` ```tikz ```` fence
 * or a `%%tikz` cell). Plain fields, so every output format can use it: HTML
 * inlines `svg`; an export can use `file`. When rendering failed, `svg` is
 * empty and `error` says why; `source` is shown instead.
 */
export interface TikzFigure extends Node {
  type: 'tikzFigure'
  /** Standalone SVG markup: ids unique on the page, width and height as asked. Empty on failure. */
  svg: string
  /** Alt text (the accessible name); absent when the author gave none. */
  alt?: string
  /** Caption, plain text. */
  caption?: string
  /** The TikZ source as written (without the magic line). */
  source: string
  /** The engine that drew it. */
  engine?: 'tikzjax' | 'latex'
  /** Why it could not be drawn, as reported in the diagnostic. */
  error?: string
  /** The SVG written as a file too: path relative to the site root. */
  file?: string
  /** The same file relative to the page's folder. */
  url?: string
  data?: CellData
}

declare module 'mdast' {
  interface RootContentMap {
    notebookMarkdownCell: NotebookMarkdownCell
    notebookCodeCell: NotebookCodeCell
    notebookRawCell: NotebookRawCell
    notebookOutput: NotebookOutput
    tikzFigure: TikzFigure
  }
  interface BlockContentMap {
    notebookMarkdownCell: NotebookMarkdownCell
    notebookCodeCell: NotebookCodeCell
    notebookRawCell: NotebookRawCell
    tikzFigure: TikzFigure
  }
}

/** What the stages keep on `file.data.coursebook`. */
export interface PageData {
  source: PageSource
  tree?: MdastRoot
  /** Front matter of this page alone (not merged). */
  frontmatter: Record<string, unknown>
  /** The notebook JSON as read (after upgrade), for the download copy. */
  notebook?: unknown
  /** Kernel language of a notebook (or a Markdown notebook), e.g. `python`. */
  language?: string
  assets: Asset[]
  /** Files besides the source that the page read or referred to (absolute; missing ones too), for incremental builds. */
  dependencies: string[]
}

declare module 'vfile' {
  interface DataMap {
    coursebook: PageData
  }
}

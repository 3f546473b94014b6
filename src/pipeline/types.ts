import type {Root as MdastRoot, Parent, Literal, Data, RootContent, PhrasingContent} from 'mdast'
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
  /** When the unit is released (`release:` in its metadata); a student build made earlier leaves it out. */
  release?: Date
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
  /** Where a reader can run the page, in the configured order (the first is the main button); undefined when it gets none. */
  launch?: LaunchLink[]
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
  /**
   * What other pages can refer to: labelled (and numbered) figures, tables,
   * equations, listings, sections and activities, in reading order. The link
   * step numbers them per unit and resolves the tokens in `body` and `ouxml`.
   */
  targets?: PageTarget[]
  /** Glossary entries defined on this page, for the course glossary; `text` is the definition as plain text (for OU-XML). */
  glossary?: Array<{term: string; id: string; html: string; text?: string}>
  /** Minutes of the page's activities (`:timing:`), summed. */
  activityMinutes?: number
  /** Words the author wrote: prose and code, not outputs (for the course status page). */
  words?: number
  /** How many activities the page has (with or without a timing). */
  activityCount?: number
  /**
   * Every cross-reference on the page (`{ref}`, `{numref}`, `{eq}`, `{doc}`,
   * `{term}`, `\eqref`, `\ref`), with where it was written, so that the link
   * step can report one to an unknown label at its place.
   */
  references?: PageReference[]
}

/** A cross-reference as written on a page; `target` is a label, a content-relative page path (`doc`) or a term. */
export interface PageReference {
  kind: CrossReferenceKind
  target: string
  line?: number
  column?: number
  /** 0-based notebook cell. */
  cell?: number
}

/** One way to open a page in a running Jupyter: Binder, a JupyterHub (nbgitpuller), JupyterLite or Colab. */
export interface LaunchLink {
  type: 'binder' | 'jupyterhub' | 'jupyterlite' | 'colab'
  /** Link text, e.g. "Launch on Binder". */
  label: string
  /** Absolute URL. */
  url: string
}

/** A place on a page that can be referred to. */
export interface PageTarget {
  label: string
  kind: 'figure' | 'table' | 'code' | 'equation' | 'section' | 'activity'
  /** HTML id on the page. */
  id: string
  /** Title or caption text, for `{ref}`. */
  title: string
  /** Whether it takes a number in its unit's sequence for its kind. */
  numbered: boolean
  /** A section's heading depth (2 for `##`), for hierarchical section numbers. */
  depth?: number
  /** True for a heading's own id used as a label (no `(label)=` before it): such labels may repeat across pages without a warning. */
  implicit?: boolean
  /** Where it is defined: line in the page (or cell), and 0-based notebook cell. */
  line?: number
  cell?: number
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
  /** Names of the cell's top-level metadata keys set to `true` (the OU's `activity: true`, `student: true`); absent when none. */
  flags?: string[]
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
  /** Names of the cell's top-level metadata keys set to `true`, as on Markdown cells; absent when none. */
  flags?: string[]
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

// ---- MyST syntax and course constructs --------------------------------------

/**
 * A MyST directive as written (```` ```{name} args ```` or `:::{name} args`),
 * with its `:key: value` (or YAML) options and its body. The body is parsed
 * as Markdown into `children` (positions are the page's, or the cell's);
 * `value` keeps it raw for directives whose body is not Markdown. Later
 * transforms turn every directive they know into a construct node; one left
 * over is rendered as its content with a `directive-unknown` warning.
 */
export interface MystDirective extends Parent {
  type: 'mystDirective'
  /** Lower-cased, e.g. `note`, `ou-activity`. */
  name: string
  /** Text after `{name}` on the opening line, trimmed. */
  args: string
  options: Record<string, string>
  value: string
  children: RootContent[]
  data?: CellData
}

/** A MyST role (`` {name}`value` ``) the role transforms have not yet turned into something else. */
export interface MystRole extends Literal {
  type: 'mystRole'
  name: string
  data?: CellData
}

/** A MyST target `(label)=`: names the block (usually a heading) that follows it. */
export interface MystTarget extends Node {
  type: 'mystTarget'
  label: string
  data?: CellData
}

/** What a cross-reference role asks for. */
export type CrossReferenceKind = 'ref' | 'numref' | 'eq' | 'doc' | 'term'

/**
 * A reference to a label, a page or a glossary term (`{numref}`, `{ref}`,
 * `{eq}`, `{doc}`, `{term}`, `\eqref`, `\ref`). Resolved across the course
 * by the numbering step; `children` is the explicit text if the author gave
 * one (for `numref`, `%s` or `{number}` in it stands for the number).
 */
export interface CrossReference extends Parent {
  type: 'crossReference'
  kind: CrossReferenceKind
  /** Label, page path (for `doc`) or term, as written. */
  target: string
  children: PhrasingContent[]
  data?: CellData
}

/**
 * A captioned block that can be numbered and referred to: a figure (image or
 * diagram), a table, or a code listing. `enumerator` ("Figure 2.3") is set by
 * the numbering step and may hold link-stage tokens (see `pipeline/tokens.ts`).
 */
export interface CourseFigure extends Parent {
  type: 'courseFigure'
  kind: 'figure' | 'table' | 'code'
  label?: string
  caption: PhrasingContent[]
  enumerator?: string
  /** CSS width as given (`80%`, `400px`). */
  width?: string
  align?: 'left' | 'center' | 'right'
  children: RootContent[]
  data?: CellData
}

/** A glossary: the terms and their definitions, collected into the course glossary. */
export interface Glossary extends Parent {
  type: 'glossary'
  children: GlossaryEntry[]
  data?: CellData
}

export interface GlossaryEntry extends Parent {
  type: 'glossaryEntry'
  /** One or more terms sharing the definition. */
  terms: string[]
  children: RootContent[]
  data?: CellData
}

/**
 * An activity, exercise or self-assessment question: the task as `children`,
 * with its answers and discussions as `courseReveal` children.
 */
export interface CourseActivity extends Parent {
  type: 'courseActivity'
  kind: 'activity' | 'exercise' | 'saq' | 'itq'
  title?: string
  /** The timing as written (`1 hour`, `15 minutes`). */
  timing?: string
  /** The timing in minutes, when it could be read. */
  minutes?: number
  label?: string
  children: RootContent[]
  data?: CellData
}

/**
 * Content a student reveals on demand (an answer or a discussion), or a
 * solution only tutors see. `audience: 'tutor'` content is removed from the
 * student build.
 */
export interface CourseReveal extends Parent {
  type: 'courseReveal'
  kind: 'answer' | 'discussion' | 'solution'
  audience?: 'tutor'
  title?: string
  children: RootContent[]
  data?: CellData
}

declare module 'mdast' {
  interface RootContentMap {
    mystDirective: MystDirective
    mystRole: MystRole
    mystTarget: MystTarget
    crossReference: CrossReference
    courseFigure: CourseFigure
    glossary: Glossary
    glossaryEntry: GlossaryEntry
    courseActivity: CourseActivity
    courseReveal: CourseReveal
    notebookMarkdownCell: NotebookMarkdownCell
    notebookCodeCell: NotebookCodeCell
    notebookRawCell: NotebookRawCell
    notebookOutput: NotebookOutput
    tikzFigure: TikzFigure
  }
  interface BlockContentMap {
    mystDirective: MystDirective
    mystTarget: MystTarget
    courseFigure: CourseFigure
    glossary: Glossary
    courseActivity: CourseActivity
    courseReveal: CourseReveal
    notebookMarkdownCell: NotebookMarkdownCell
    notebookCodeCell: NotebookCodeCell
    notebookRawCell: NotebookRawCell
    tikzFigure: TikzFigure
  }
  interface PhrasingContentMap {
    mystRole: MystRole
    crossReference: CrossReference
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

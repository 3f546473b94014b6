import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {VFile} from 'vfile'
import type {CourseActivity, CourseFigure, CrossReference, CrossReferenceKind, GlossaryEntry, MystTarget, PageSource, Unit} from '../../../src/pipeline/types.js'
import {configFromObject} from '../../../src/config/load.js'
import type {NumberingConfig} from '../../../src/config/schema.js'

/**
 * Small builders for the trees the MyST parser and the course transforms
 * produce, so the numbering transform can be tested on exactly the nodes it
 * consumes. Positions are given where a test looks at them.
 */

const at = (line: number, column = 1) => ({start: {line, column}, end: {line, column: column + 1}})

export const text = (value: string): Text => ({type: 'text', value})
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children})
export const root = (...children: RootContent[]): Root => ({type: 'root', children})

/** A heading with the id the headings transform gives it. */
export function heading(depth: 1 | 2 | 3 | 4, value: string, id: string): Heading {
  return {type: 'heading', depth, children: [text(value)], data: {hProperties: {id}}}
}

export function target(label: string): MystTarget {
  return {type: 'mystTarget', label}
}

export function figure(kind: CourseFigure['kind'], caption: string, label?: string, line?: number): CourseFigure {
  const node: CourseFigure = {type: 'courseFigure', kind, caption: caption ? [text(caption)] : [], children: []}
  if (label) node.label = label
  if (line) node.position = at(line)
  return node
}

export function math(value: string, label?: string): RootContent {
  return {type: 'math', value, ...(label ? {data: {label}} : {})} as RootContent
}

export function ref(kind: CrossReferenceKind, target: string, explicit?: string, line?: number, cell?: number): CrossReference {
  const node: CrossReference = {type: 'crossReference', kind, target, children: explicit === undefined ? [] : [text(explicit)]}
  if (line) node.position = at(line, 5)
  if (cell !== undefined) node.data = {cell}
  return node
}

export function activity(minutes?: number, label?: string, title = 'Activity'): CourseActivity {
  return {type: 'courseActivity', kind: 'activity', title, ...(minutes === undefined ? {} : {minutes}), ...(label ? {label} : {}), children: [paragraph(text('Do it.'))]}
}

export function glossaryEntry(terms: string[], definition: RootContent[]): GlossaryEntry {
  return {type: 'glossaryEntry', terms, children: definition}
}

/** A file for a page at `relPath` (a notebook when it ends in `.ipynb`), as the page pipeline makes it. */
export function pageFile(relPath = 'week-1/page.md'): VFile {
  const unit: Unit = {dir: relPath.split('/')[0]!, slug: relPath.split('/')[0]!, title: 'Week', learningOutcomes: [], meta: {}, pages: []}
  const source: PageSource = {
    path: `/course/content/${relPath}`,
    relPath,
    kind: relPath.endsWith('.ipynb') ? 'notebook' : 'markdown',
    outPath: relPath.replace(/\.(md|ipynb)$/, '.html'),
    unit,
    order: 0,
  }
  const file = new VFile({path: source.path})
  file.data.coursebook = {source, frontmatter: {}, assets: [], dependencies: []}
  return file
}

/** The numbering config with defaults, changed by `overrides`. */
export function numbering(overrides: Record<string, unknown> = {}): NumberingConfig {
  return configFromObject({code: 'T', title: 'T', numbering: overrides}, '/course').numbering
}

/** Tokens written readably: `⟦num|fig-a⟧`. */
export function readable(value: string): string {
  return value.replace(/\uE000(\w+)\uE001([^\uE002]*)\uE002/g, (_, kind: string, payload: string) => `⟦${kind}|${decodeURIComponent(payload)}⟧`)
}

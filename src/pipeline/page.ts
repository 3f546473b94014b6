import {readFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {VFile} from 'vfile'
import type {BuildContext, PageResult, PageSource, Unit} from './types.js'
import {parseNotebook} from '../parse/notebook/index.js'
import {parseMarkdownBlocks, parseMarkdownPage} from '../parse/markdown.js'
import {cellTagsTransform} from '../transform/cell-tags.js'
import {directivesTransform} from '../transform/directives.js'
import {headingsTransform} from '../transform/headings.js'
import {linksTransform} from '../transform/links.js'
import {outputFilesTransform} from '../transform/output-files.js'
import {tikzTransform} from '../transform/tikz/index.js'
import {mathTransform} from '../transform/math.js'
import {highlightTransform} from '../transform/highlight.js'
import {binderUrl, repositoryPath, wantsLaunchLink} from '../transform/binder.js'
import {treeToHtml} from '../render/html/to-html.js'
import {pageOuxml} from '../export/ouxml/to-xml.js'
import {emit} from '../diagnostics/message.js'
import {toDiagnostics, type Diagnostic} from '../diagnostics/report.js'
import {humanise} from '../load/slug.js'
import {parseStudyTime} from '../load/study-time.js'

export interface PageOutcome {
  /** Undefined when the page could not be read or parsed at all. */
  result?: PageResult
  diagnostics: Diagnostic[]
}

/**
 * Run one page through the stages, in this order: read, parse, cell tags,
 * directives, headings, links, output files, math, highlight, render. Never
 * throws: a failure is a `render-failed` diagnostic on the page's file.
 */
export async function processPage(ctx: PageContext, source: PageSource): Promise<PageOutcome> {
  const file = new VFile({path: source.path})
  file.data.coursebook = {source, frontmatter: {}, assets: [], dependencies: []}
  let result: PageResult | undefined
  try {
    file.value = await readFile(source.path, 'utf8')
    try {
      result = await renderPage(ctx, file)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      emit(file, 'render-failed', `Rendering stopped: ${reason}`, {stage: 'render', cause: error})
    }
  } catch (error) {
    emit(file, 'page-read-failed', `Could not read the page: ${(error as Error).message}`, {stage: 'read', cause: error})
  }
  return {result, diagnostics: toDiagnostics(source.path, file.messages)}
}

/** What rendering one page needs from the build: the config and the course's pages and units. */
export type PageContext = Pick<BuildContext, 'config' | 'pagesBySource' | 'units'>

async function renderPage(ctx: PageContext, file: VFile): Promise<PageResult | undefined> {
  const data = file.data.coursebook!
  const {source} = data
  if (source.kind === 'notebook') parseNotebook(file, {parseMarkdown: parseMarkdownBlocks})
  else parseMarkdownPage(file)
  const tree = data.tree
  if (!tree) return undefined
  const meta = {...source.unit.meta, ...data.frontmatter}
  cellTagsTransform(tree)
  directivesTransform(tree, file)
  const {title, headings} = headingsTransform(tree, {title: typeof data.frontmatter.title === 'string' ? data.frontmatter.title : undefined})
  linksTransform(tree, file, {contentPath: ctx.config.contentPath, pagesBySource: ctx.pagesBySource, units: ctx.units})
  outputFilesTransform(tree, file)
  await tikzTransform(tree, file, {config: ctx.config.tikz, root: ctx.config.root})
  const ouxml = pageOuxml(tree, file, ctx.config.ouxml)
  mathTransform(tree, file, {macros: ctx.config.math.macros})
  await highlightTransform(tree, file)
  const body = treeToHtml(tree, file)

  const result: PageResult = {
    source,
    title: typeof meta.title === 'string' && meta.title.trim() ? meta.title.trim() : title ?? humanise(basename(source.path)),
    meta,
    headings,
    body,
    assets: data.assets,
    dependencies: data.dependencies,
    failed: false,
    studyTime: parseStudyTime(meta.study_time),
    ouxml,
  }
  if (ctx.config.binder && wantsLaunchLink(source.kind, meta)) {
    result.binderUrl = binderUrl(ctx.config.binder, repositoryPath(ctx.config.binder.contentPath, source.relPath))
  }
  if (source.kind === 'notebook') {
    result.downloadPath = source.outPath.replace(/\.html$/, '.ipynb')
    data.assets.push({outPath: result.downloadPath, copyFrom: source.path})
  }
  return result
}

/** A stand-in unit for pages that belong to the course rather than a unit (the home page's intro). */
export function courseLevelUnit(title: string): Unit {
  return {dir: '', slug: '', title, learningOutcomes: [], meta: {}, pages: []}
}

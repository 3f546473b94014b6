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
import {decodeText} from '../load/decode.js'
import {limitNesting} from '../parse/nesting.js'
import {controlCharactersTransform} from '../transform/control-characters.js'
import {pageTrust, untrustedTransform} from '../transform/trust.js'

export interface PageOutcome {
  /** Undefined when the page could not be read or parsed at all. */
  result?: PageResult
  diagnostics: Diagnostic[]
}

/**
 * Run one page through the stages, in this order: read (decoded as UTF-8),
 * parse (too-deep nesting shown as text), control characters, trust (an
 * untrusted page is sanitised), cell tags, directives, headings, links,
 * output files, math, highlight, render. Never throws: a failure is a
 * `render-failed` (or `content-too-deep`) diagnostic on the page's file.
 */
export async function processPage(ctx: PageContext, source: PageSource): Promise<PageOutcome> {
  const file = new VFile({path: source.path})
  file.data.coursebook = {source, frontmatter: {}, assets: [], dependencies: []}
  let result: PageResult | undefined
  try {
    file.value = decodeText(await readFile(source.path), file)
    try {
      result = await renderPage(ctx, file)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      // Nesting the parse-time guard does not see (inline formatting, HTML) can still exhaust the stack.
      if (error instanceof RangeError && /call stack/i.test(reason)) {
        emit(file, 'content-too-deep', 'The page is nested too deeply to render (the renderer ran out of stack)', {stage: 'render', cause: error})
      } else {
        emit(file, 'render-failed', `Rendering stopped: ${reason}`, {stage: 'render', cause: error})
      }
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
  if (source.kind === 'notebook') {
    parseNotebook(file, {parseMarkdown: (text) => parseMarkdownBlocks(limitNesting(text, file, false))})
  } else {
    file.value = limitNesting(String(file.value), file)
    parseMarkdownPage(file)
  }
  const tree = data.tree
  if (!tree) return undefined
  controlCharactersTransform(tree, file)
  const meta = {...source.unit.meta, ...data.frontmatter}
  if (pageTrust(ctx.config.trust, meta, file) === 'untrusted') untrustedTransform(tree, file)
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

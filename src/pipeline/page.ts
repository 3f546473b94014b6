import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {VFile} from 'vfile'
import type {BuildContext, PageResult, PageSource} from './types.js'
import {parseNotebook} from '../parse/notebook/index.js'
import {parseMarkdownBlocks, parseMarkdownPage} from '../parse/markdown.js'
import {cellTagsTransform} from '../transform/cell-tags.js'
import {directivesTransform} from '../transform/directives.js'
import {mystLeftoversTransform, mystTransform} from '../transform/myst/index.js'
import {courseTransform} from '../transform/course/index.js'
import {launchWithheld, notebookDownload} from '../transform/course/student-copies.js'
import {headingsTransform} from '../transform/headings.js'
import {linksTransform} from '../transform/links.js'
import {outputFilesTransform} from '../transform/output-files.js'
import {tikzTransform} from '../transform/tikz/index.js'
import {mathTransform} from '../transform/math.js'
import {collectGlossary, numberingTransform} from '../transform/numbering/index.js'
import {highlightTransform} from '../transform/highlight.js'
import {launchLinks} from '../transform/launch/links.js'
import {launchSetup} from '../transform/launch/setup.js'
import {a11yTransform} from '../transform/a11y/index.js'
import {countWords} from '../render/status/words.js'
import {treeToHtml} from '../render/html/to-html.js'
import {pageOuxml} from '../export/ouxml/to-xml.js'
import {emit} from '../diagnostics/message.js'
import {toDiagnostics, type Diagnostic} from '../diagnostics/report.js'
import {humanise} from '../load/slug.js'
import {parseStudyTime} from '../load/study-time.js'
import {decodeText} from '../load/decode.js'
import {limitNesting} from '../parse/nesting.js'
import {controlCharactersTransform} from '../transform/control-characters.js'
import {substitutionsTransform} from '../transform/substitutions.js'
import {pageTrust, untrustedTransform} from '../transform/trust.js'

export interface PageOutcome {
  /** Undefined when the page could not be read or parsed at all. */
  result?: PageResult
  diagnostics: Diagnostic[]
}

/**
 * Run one page through the stages, in this order: read (decoded as UTF-8),
 * parse (too-deep nesting shown as text), MyST substitutions, control characters, trust (an
 * untrusted page is sanitised), cell tags, directives, course constructs (and the audience), headings, links,
 * numbering (targets and references, as tokens), output files, tikz, accessibility checks, math, highlight, render. Never throws: a failure is a
 * `render-failed` (or `content-too-deep`) diagnostic on the page's file.
 */
export async function processPage(ctx: PageContext, source: PageSource): Promise<PageOutcome> {
  const file = new VFile({path: source.path})
  file.data.coursebook = {source, frontmatter: {}, assets: [], dependencies: []}
  let result: PageResult | undefined
  try {
    // Synchronously: rendering is CPU-bound and sequential per thread, and an awaited read cost about 2 ms a page.
    file.value = decodeText(readFileSync(source.path), file)
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
  substitutionsTransform(tree, file, {substitutions: ctx.config.substitutions, parseMarkdown: (text) => parseMarkdownBlocks(limitNesting(text, file, false))})
  controlCharactersTransform(tree, file)
  const words = countWords(tree)
  const meta = {...source.unit.meta, ...data.frontmatter}
  const untrusted = pageTrust(ctx.config.trust, meta, file) === 'untrusted'
  if (untrusted) untrustedTransform(tree, file)
  cellTagsTransform(tree)
  directivesTransform(tree, file)
  mystTransform(tree, file, {parseMarkdown: (text) => parseMarkdownBlocks(limitNesting(text, file, false)), contentPath: ctx.config.contentPath, sanitize: untrusted ? (root) => untrustedTransform(root, file) : undefined})
  // After the MyST directives are parsed and before anything renders: a student build loses tutor-only content here.
  const course = courseTransform(tree, file, {audience: ctx.config.audience})
  mystLeftoversTransform(tree, file)
  const {title, headings} = headingsTransform(tree, {title: typeof data.frontmatter.title === 'string' ? data.frontmatter.title : undefined})
  linksTransform(tree, file, {contentPath: ctx.config.contentPath, pagesBySource: ctx.pagesBySource, units: ctx.units})
  const numbering = numberingTransform(tree, file, {numbering: ctx.config.numbering})
  outputFilesTransform(tree, file)
  await tikzTransform(tree, file, {config: ctx.config.tikz, root: ctx.config.root})
  a11yTransform(tree, file)
  const ouxml = pageOuxml(tree, file, ctx.config.ouxml)
  mathTransform(tree, file, {macros: ctx.config.math.macros})
  await highlightTransform(tree, file)
  const body = treeToHtml(tree, file)
  const glossary = collectGlossary(tree, (root) => treeToHtml(root, file))

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
    ...numbering,
  }
  if (glossary) result.glossary = glossary
  result.words = words
  // Unpinned here: pinning to the commit being built is a build-wide fact, applied once by the run.
  const download = source.kind === 'notebook' ? notebookDownload(data.notebook, ctx.config.audience) : undefined
  const launch = launchLinks(launchSetup(ctx.config), source, meta)
  if (launch && !launchWithheld(file, course.removed + (download?.removed ?? 0))) result.launch = launch
  if (source.kind === 'notebook') {
    result.downloadPath = source.outPath.replace(/\.html$/, '.ipynb')
    // A student build's download is cleaned of tutor-only content; otherwise the notebook is copied as it is.
    data.assets.push(download?.data === undefined ? {outPath: result.downloadPath, copyFrom: source.path} : {outPath: result.downloadPath, data: download.data})
  }
  return result
}

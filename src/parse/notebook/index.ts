import type {RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import type {PageData} from '../../pipeline/types.js'
import {asRecord, isRecord, type JsonObject} from './json-values.js'
import {notebookLanguage} from './language.js'
import {readNotebookJson} from './read-json.js'
import {buildNotebookTree} from './tree.js'
import {upgradeV3} from './upgrade-v3.js'
import {findSchemaProblems, reportSchemaProblems} from './validate.js'

/** What `parseNotebook` needs from its caller. */
export interface NotebookParseOptions {
  /**
   * Parse Markdown source (one cell, or a text/markdown output) into mdast
   * block content. Supplied by the caller: it is the shared Markdown
   * pipeline, which already handles math, GFM and directives.
   */
  parseMarkdown(source: string): RootContent[]
}

const stage = 'notebook'
const widgetStateMime = 'application/vnd.jupyter.widget-state+json'

/**
 * Reads the file's text (`file.toString()`, so bytes are decoded as UTF-8) as
 * a notebook and fills file.data.coursebook.{tree, notebook, language,
 * frontmatter, assets}. Never throws: problems are emitted with emit(). On a
 * fatal problem (not JSON, not nbformat 3 or 4) tree stays undefined; a
 * notebook that fails the schema is reported and still rendered as far as
 * possible.
 */
export function parseNotebook(file: VFile, options: NotebookParseOptions): void {
  const data = file.data.coursebook
  if (!data) {
    emit(file, 'render-failed', 'The notebook parser was called before the page data was set up', {stage})
    return
  }
  try {
    parse(file, data, options)
  } catch (error) {
    data.tree = undefined
    const reason = error instanceof Error ? error.message : String(error)
    // JSON nested thousands deep (an output's data, metadata) exhausts the stack: the author's to fix, not a bug.
    if (error instanceof RangeError && /call stack/i.test(reason)) {
      emit(file, 'content-too-deep', 'The notebook is nested too deeply to read (coursebook ran out of stack)', {stage, cause: error})
    } else {
      emit(file, 'render-failed', `The notebook could not be parsed: ${reason}`, {stage, cause: error})
    }
  }
}

function parse(file: VFile, data: PageData, options: NotebookParseOptions): void {
  // file.toString() decodes bytes as UTF-8, where String() would list them as numbers.
  const read = readNotebookJson(file.toString())
  if (!read.ok) {
    emit(file, 'notebook-json-invalid', read.reason, {stage, place: read.place})
    return
  }
  const notebook = readableNotebook(file, read.value)
  if (!notebook) return
  const minor = typeof notebook.nbformat_minor === 'number' ? notebook.nbformat_minor : 0
  const version = typeof notebook.nbformat_minor === 'number' ? `4.${minor}` : '4'
  const label = notebook === read.value ? version : `3 (after upgrade to ${version})`
  reportSchemaProblems(file, findSchemaProblems(notebook, minor), label)

  const metadata = asRecord(notebook.metadata)
  const language = notebookLanguage(metadata)
  const widgetState = asRecord(asRecord(asRecord(metadata.widgets)[widgetStateMime]).state)
  const {tree, frontmatter} = buildNotebookTree(notebook.cells, {
    file,
    language,
    parseMarkdown: options.parseMarkdown,
    hasWidgetState: modelId => modelId !== '' && Object.hasOwn(widgetState, modelId),
  })
  data.notebook = notebook
  data.language = language
  data.frontmatter = {...data.frontmatter, ...metadataFrontmatter(file, metadata), ...frontmatter}
  data.tree = tree
}

/** The notebook as nbformat 4 (upgrading nbformat 3), or undefined after a fatal message. */
function readableNotebook(file: VFile, value: unknown): JsonObject | undefined {
  if (!isRecord(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
    emit(file, 'notebook-format-unsupported', `The file is JSON but not a notebook: its top level is ${found}, not an object`, {stage})
    return undefined
  }
  const major = value.nbformat
  if (major === 4) return value
  if (major === 3) {
    emit(file, 'notebook-upgraded', 'This nbformat 3 notebook was upgraded to nbformat 4 in memory', {stage})
    return upgradeV3(value)
  }
  const reason =
    major === undefined
      ? 'The notebook has no "nbformat" version, so it is not a Jupyter notebook coursebook can read'
      : `nbformat ${JSON.stringify(major)} is not supported: coursebook reads nbformat 4 and upgrades nbformat 3`
  emit(file, 'notebook-format-unsupported', reason, {stage})
  return undefined
}

/** Page metadata kept in the notebook's own `metadata.coursebook`, which must be an object. */
function metadataFrontmatter(file: VFile, metadata: JsonObject): Record<string, unknown> {
  const value = metadata.coursebook
  if (value === undefined || isRecord(value)) return value ?? {}
  emit(file, 'frontmatter-invalid', 'The notebook metadata "coursebook" must be an object of page settings; it was ignored', {stage})
  return {}
}

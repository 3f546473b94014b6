import type {RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {emit} from '../../diagnostics/message.js'
import type {RichOutput} from '../../pipeline/types.js'
import {asRecord, type JsonObject} from './json-values.js'
import {latexContent} from './latex-output.js'
import {chooseMime, mimeMetadata, mimeValue, widgetViewMime} from './mime-bundle.js'

/** What building an output needs to know about its notebook. */
export interface OutputContext {
  file: VFile
  /** 0-based index of the code cell. */
  cell: number
  parseMarkdown(source: string): RootContent[]
  /** True when the notebook saved the state of the widget with this model id. */
  hasWidgetState(modelId: string): boolean
}

/**
 * Build the node of an `execute_result` or `display_data` output: one MIME
 * type chosen by `mimePriority`, its text as `value`, its metadata, and for
 * `text/markdown` and `text/latex` the parsed content as children. A bundle
 * with only unrenderable types becomes a `text/plain` placeholder naming
 * them; that, and a `text/plain` choice that leaves such types unused, are
 * `output-mime-unknown` infos. A widget view whose state the notebook did not
 * save is an `output-widget-no-state` info. An empty bundle gives undefined.
 */
export function richOutput(output: JsonObject, outputType: RichOutput['outputType'], context: OutputContext): RichOutput | undefined {
  const bundle = asRecord(output.data)
  const {mime, unrenderable} = chooseMime(bundle)
  if (!mime && unrenderable.length === 0) return undefined
  const node: RichOutput = {type: 'notebookOutput', outputType, mime: 'text/plain', value: '', metadata: {}, children: []}
  if (outputType === 'execute_result') {
    node.executionCount = typeof output.execution_count === 'number' ? output.execution_count : null
  }
  const types = unrenderable.join(', ')
  if (unrenderable.length > 0) node.unrenderable = unrenderable
  if (!mime) {
    node.placeholder = true
    node.value = `[output of type ${types}, which cannot be shown here]`
    report(context, `An output has only MIME types coursebook cannot render (${types}); a placeholder is shown`)
    return node
  }
  if (mime === 'text/plain' && unrenderable.length > 0) {
    report(context, `An output is shown as text/plain because coursebook cannot render its ${types}`)
  }
  node.mime = mime
  node.value = mimeValue(mime, bundle[mime])
  node.metadata = mimeMetadata(mime, output.metadata)
  if (mime === 'text/markdown') node.children = context.parseMarkdown(node.value)
  if (mime === 'text/latex') node.children = latexContent(node.value, context.parseMarkdown)
  if (mime === widgetViewMime && !context.hasWidgetState(node.value)) {
    const model = node.value ? ` (model ${node.value})` : ''
    emit(context.file, 'output-widget-no-state', `A widget output${model} has no saved widget state`, {
      stage: 'notebook',
      cell: context.cell,
    })
  }
  return node
}

function report(context: OutputContext, reason: string): void {
  emit(context.file, 'output-mime-unknown', reason, {stage: 'notebook', cell: context.cell})
}

import type {ErrorOutput, NotebookOutput, StreamOutput} from '../../pipeline/types.js'
import {asArray, asString, asStringArray, isRecord, joinText, type JsonObject} from './json-values.js'
import {richOutput, type OutputContext} from './rich-output.js'

export type {OutputContext} from './rich-output.js'

/**
 * Build the output nodes of one code cell from its `outputs` array.
 * Consecutive `stream` outputs of the same stream are merged into one, with
 * carriage returns applied as a terminal would; `error` outputs keep their
 * traceback (ANSI codes intact); rich outputs are built by `richOutput`.
 * Unknown output types and malformed entries are left out.
 */
export function buildOutputs(outputs: unknown, context: OutputContext): NotebookOutput[] {
  const nodes: NotebookOutput[] = []
  // Raw stream text per stream node, so that a `\r` in one output can overwrite text from the previous one.
  const streamText = new Map<StreamOutput, string>()
  for (const output of asArray(outputs)) {
    if (!isRecord(output)) continue
    switch (output.output_type) {
      case 'stream': {
        const name = output.name === 'stderr' ? 'stderr' : 'stdout'
        const text = joinText(output.text)
        const last = nodes.at(-1)
        if (last?.outputType === 'stream' && last.name === name) {
          streamText.set(last, (streamText.get(last) ?? '') + text)
        } else {
          const node: StreamOutput = {type: 'notebookOutput', outputType: 'stream', name, value: ''}
          streamText.set(node, text)
          nodes.push(node)
        }
        break
      }
      case 'error':
        nodes.push(errorOutput(output))
        break
      case 'execute_result':
      case 'display_data': {
        const node = richOutput(output, output.output_type, context)
        if (node) nodes.push(node)
        break
      }
      default:
        break
    }
  }
  for (const [node, text] of streamText) node.value = applyCarriageReturns(text)
  return nodes
}

/** An `error` output; without a traceback the value is `ename: evalue`. */
function errorOutput(output: JsonObject): ErrorOutput {
  const ename = asString(output.ename)
  const evalue = asString(output.evalue)
  const traceback = asStringArray(output.traceback)
  const value = traceback.length > 0 ? traceback.join('\n') : [ename, evalue].filter(Boolean).join(': ')
  return {type: 'notebookOutput', outputType: 'error', ename, evalue, value}
}

/**
 * Apply carriage returns the way a terminal shows them, simply: `\r\n` is a
 * newline, and on each line only the text after the last lone `\r` is kept
 * (a `\r` at the very end of a line overwrites nothing).
 */
export function applyCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map(line => {
      const trimmed = line.replace(/\r+$/, '')
      return trimmed.slice(trimmed.lastIndexOf('\r') + 1)
    })
    .join('\n')
}

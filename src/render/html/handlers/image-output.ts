import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {RichOutput} from '../../../pipeline/types.js'
import {asString} from './shared.js'

/**
 * The content of an image output: `<img src alt loading="lazy" width height>`
 * pointing at the file the output-files transform wrote, or
 * `<p class="output-missing">` when there is none (unreadable data, or a
 * format that is not written out). Alt text comes from `metadata.alt`, else
 * "Output of cell N". Image data is never inlined.
 */
export function imageOutputContent(node: RichOutput, cell: number | undefined): ElementContent[] {
  const url = asString(node.url).trim()
  if (!url || /^data:/i.test(url)) {
    return [h('p', {className: ['output-missing']}, 'Image output could not be read.')]
  }
  const metadata: Record<string, unknown> = isRecord(node.metadata) ? node.metadata : {}
  const alt = typeof metadata.alt === 'string' ? metadata.alt : cell === undefined ? 'Output image' : `Output of cell ${cell}`
  return [
    h('img', {
      src: url,
      alt,
      loading: 'lazy',
      width: dimension(metadata.width),
      height: dimension(metadata.height),
    }),
  ]
}

function dimension(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN
  return Number.isFinite(number) && number > 0 ? Math.round(number) : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

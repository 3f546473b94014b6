import type {TikzFigure} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {packaged, listing, text} from './shared.js'

/**
 * `tikzFigure` (a TikZ diagram rendered at build time) → `Figure` with the
 * SVG file as its `Image`, the caption as `Caption` and the alt text as
 * `Description`. A diagram that could not be drawn (already reported) keeps
 * its TikZ source as a `ProgramListing`, as the website shows it.
 */
export function tikzFigureHandler(state: State, node: TikzFigure): XmlNode[] {
  const file = typeof node.file === 'string' ? node.file : ''
  const drawn = file && node.svg && (state.file.data.coursebook?.assets ?? []).some((asset) => asset.outPath === file)
  if (!drawn) return typeof node.source === 'string' && node.source.trim() ? [listing(state, 'ProgramListing', node.source, node)] : []
  const parts = [state.element('Image', {src: packaged(state, file, state.options.imagePathPrefix)})]
  const caption = state.text(node.caption ?? '', node).trim()
  if (caption) parts.push(state.element('Caption', {}, text(caption)))
  const alt = state.text(node.alt ?? '', node).trim()
  if (alt) parts.push(state.element('Description', {}, [state.element('Paragraph', {}, text(alt))]))
  return [state.element('Figure', {}, parts, node)]
}

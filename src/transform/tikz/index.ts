import {posix, resolve} from 'node:path'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {CellData, NotebookCodeCell, TikzFigure} from '../../pipeline/types.js'
import type {TikzConfig} from '../../config/schema.js'
import {pageAssetPath} from '../../pipeline/asset-path.js'
import {findDiagrams, type Found} from './sources.js'
import {renderDiagram, renderStats, resolveEngine, type RenderResult} from './render.js'
import {reportRender, reportSkip, reportSource} from './report.js'
import {scopeSvg, sizeSvg} from './svg.js'
import {fontAssets} from './fonts.js'

export interface TikzOptions {
  /** `tikz` from the config. */
  config: TikzConfig
  /** The course root (the config's folder): the cache lives under it unless `cacheDir` says otherwise. */
  root: string
}

type Diagram = Exclude<Found, {kind: 'skip'}>

/**
 * Render every TikZ diagram of the page to inline SVG: ```` ```tikz ````
 * fences become `tikzFigure` nodes; a code cell opening with a TikZ magic
 * gets the figure as its only output (stale saved outputs are dropped) and
 * its source is collapsed unless `tikz.showSource`. Diagrams render
 * concurrently, through the cache. A failure is a diagnostic and a figure
 * showing the source; the other diagrams are unaffected. Ids in each SVG are
 * made unique on the page; the SVG is also written beside the page.
 */
export async function tikzTransform(tree: Root, file: VFile, options: TikzOptions): Promise<void> {
  const found = findDiagrams(tree, file, options.config.magic)
  if (found.length === 0) return
  const started = performance.now()
  const renderOptions = {
    engine: options.config.engine,
    timeoutMs: options.config.timeout * 1000,
    preamble: options.config.preamble ?? '',
    cacheDir: resolve(options.root, options.config.cacheDir ?? '.coursebook/cache/tikz'),
  }
  const diagrams = found.filter((d): d is Diagram => d.kind !== 'skip')
  // One diagram's unexpected failure is its own diagnostic, never the page's.
  const results = await Promise.all(
    diagrams.map((diagram) =>
      renderDiagram(diagram.spec, renderOptions).catch(
        (error: unknown): RenderResult => ({kind: 'crash', engine: resolveEngine(renderOptions.engine), message: error instanceof Error ? error.message : String(error)}),
      ),
    ),
  )

  const fonts = new Set<string>()
  const staleUrls = new Set<string>()
  let number = 0
  for (const item of found) {
    if (item.kind === 'skip') {
      reportSkip(file, item)
      continue
    }
    const result = results[diagrams.indexOf(item)]!
    reportSource(file, item)
    const error = reportRender(file, item, result, renderOptions.timeoutMs)
    const figure = figureFor(item, result, error, `tikz${++number}-`)
    if (result.kind === 'done' && !error) for (const font of result.fonts ?? []) fonts.add(font)
    writeFile(file, figure)
    if (item.kind === 'fence') {
      item.parent.children[item.index] = figure
    } else {
      for (const output of item.node.children) if ('url' in output && typeof output.url === 'string') staleUrls.add(output.url)
      placeInCell(item.node, figure, options.config.showSource)
    }
  }
  file.data.coursebook?.assets.push(...fontAssets(fonts))
  dropStaleAssets(tree, file, staleUrls)
  renderStats.diagrams += diagrams.length
  renderStats.transformMs += performance.now() - started
}

function figureFor(diagram: Diagram, result: RenderResult, error: string | undefined, prefix: string): TikzFigure {
  const figure: TikzFigure = {type: 'tikzFigure', svg: '', source: diagram.spec.source}
  if (diagram.alt) figure.alt = diagram.alt
  if (diagram.caption) figure.caption = diagram.caption
  if (result.kind === 'done' && result.svg && !error) {
    figure.engine = result.engine
    const sized = sizeSvg(result.svg, {scale: diagram.spec.displayScale, box: diagram.spec.size})
    figure.svg = scopeSvg(sized, prefix)
  } else {
    figure.error = error ?? 'The diagram could not be rendered'
  }
  if (diagram.kind === 'fence') figure.position = diagram.node.position
  if (diagram.kind === 'cell') figure.data = {cell: diagram.node.index} satisfies CellData
  else if (diagram.node.data) figure.data = {...diagram.node.data}
  return figure
}

// The SVG as a file too, for exports that need an image (OU-XML) and for readers who want to save it.
function writeFile(file: VFile, figure: TikzFigure): void {
  const data = file.data.coursebook
  if (!figure.svg || !data?.source?.outPath) return
  const bytes = new TextEncoder().encode(figure.svg)
  const {outPath, url} = pageAssetPath(data.source.outPath, bytes, 'svg')
  if (!data.assets.some((asset) => asset.outPath === outPath)) data.assets.push({outPath, data: bytes})
  figure.file = outPath
  figure.url = url
}

function placeInCell(cell: NotebookCodeCell, figure: TikzFigure, showSource: boolean): void {
  cell.children = [figure]
  cell.language = 'latex'
  const display = (cell.display ??= {cell: 'show', input: 'show', output: 'show'})
  if (!showSource && display.input === 'show') display.input = 'hide'
}

/** Files written for the saved outputs the diagrams replaced, unless something else on the page shows them. */
function dropStaleAssets(tree: Root, file: VFile, stale: Set<string>): void {
  const data = file.data.coursebook
  if (!data || stale.size === 0) return
  const used = new Set<string>()
  const collect = (node: unknown): void => {
    const {url, children} = node as {url?: unknown; children?: unknown}
    if (typeof url === 'string') used.add(url)
    if (Array.isArray(children)) children.forEach(collect)
  }
  collect(tree)
  const folder = posix.dirname(data.source.outPath)
  const urlOf = (outPath: string) => (folder === '.' ? outPath : outPath.slice(folder.length + 1))
  const keep = data.assets.filter((asset) => !stale.has(urlOf(asset.outPath)) || used.has(urlOf(asset.outPath)))
  data.assets.splice(0, data.assets.length, ...keep)
}

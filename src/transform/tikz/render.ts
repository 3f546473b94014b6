import {availableParallelism} from 'node:os'
import {isMainThread} from 'node:worker_threads'
import {digest} from '../../cache/digest.js'
import {openCacheStore, type CacheStore} from '../../cache/store.js'
import {buildDocument, type EngineName, type TexDocument} from './document.js'
import type {TikzSpec} from './spec.js'
import {parseTexLog, type MissingFile} from './tex-log.js'
import {cleanSvg, danglingReferences, externalFamilies} from './svg.js'
import type {Engine} from './engines/types.js'
import {createTikzjaxEngine} from './engines/tikzjax.js'
import {createLatexEngine} from './engines/latex.js'
import {latexAvailable} from './engines/detect.js'

/** What rendering needs from `tikz` in the config. */
export interface RenderOptions {
  engine: 'auto' | EngineName
  timeoutMs: number
  /** `tikz.preamble`: added to every diagram. */
  preamble: string
  /** Absolute cache folder. */
  cacheDir: string
}

/** A finished render, from the cache or an engine. Stored as it is in the cache. */
export interface RenderEntry {
  /** The engine that drew it (latex for a hatching fallback). */
  engine: EngineName
  /** The SVG, cleaned for inlining but not yet scoped to a page. */
  svg?: string
  /** Font families the SVG needs from the site (node-tikzjax's Computer Modern). */
  fonts?: string[]
  /** node-tikzjax left hatching undefined and the latex engine drew it instead. */
  patternFallback?: boolean
  /** Definitions the SVG refers to and lacks (no latex to fall back to). */
  dangling?: string[]
  /** TeX's error, with `line` counted in the diagram's own source (1-based), when it is there. */
  error?: {message: string; line?: number; missing?: MissingFile}
}

export type RenderResult =
  | (RenderEntry & {kind: 'done'; cached: boolean})
  | {kind: 'timeout'; engine: EngineName}
  | {kind: 'crash'; engine: EngineName; message: string}

/** Counters for this thread since it started; tests and the benchmark read them. */
export const renderStats = {
  /** Diagrams the tikz transform handled (rendered, cached or failed). */
  diagrams: 0,
  /** Engine runs. */
  renders: 0,
  cacheHits: 0,
  /** Time in engines, summed over concurrent renders. */
  renderMs: 0,
  /** Wall time inside the tikz transform, pages summed. */
  transformMs: 0,
  byEngine: {tikzjax: 0, latex: 0} as Record<EngineName, number>,
}

const CACHE_FORMAT = 'tikz-1'
const engines = new Map<EngineName, Engine>()
const stores = new Map<string, CacheStore>()
const inFlight = new Map<string, Promise<RenderResult>>()

/** The engine `setting` means on this machine: `auto` prefers latex + dvisvgm when both are installed. */
export function resolveEngine(setting: RenderOptions['engine']): EngineName {
  return setting === 'auto' ? (latexAvailable() ? 'latex' : 'tikzjax') : setting
}

/** This thread's engine of that name, created on first use. The main thread renders on every core; a page worker on one. */
export function engineFor(name: EngineName): Engine {
  let engine = engines.get(name)
  if (!engine) {
    const parallel = isMainThread ? Math.max(1, availableParallelism()) : 1
    engine = name === 'latex' ? createLatexEngine(parallel) : createTikzjaxEngine(parallel)
    engines.set(name, engine)
  }
  return engine
}

/** The most diagrams this thread's engines have drawn at once. */
export function peakParallelRenders(): number {
  return Math.max(0, ...[...engines.values()].map((engine) => engine.peakBusy()))
}

/** Stop this thread's engines (their threads keep no process alive, so this is for tests and `dev`). */
export async function closeEngines(): Promise<void> {
  await Promise.all([...engines.values()].map((engine) => engine.close()))
  engines.clear()
}

/**
 * Render one diagram to SVG, through the cache: the key is the complete TeX
 * input (source, options, preamble) plus the engine and its version, so a
 * second build renders nothing and editing one diagram renders that one.
 * TeX errors are cached too (they are deterministic); timeouts and crashes
 * are not. When node-tikzjax leaves references dangling (hatching) and latex
 * is installed, the diagram is drawn with latex instead.
 */
export async function renderDiagram(spec: TikzSpec, options: RenderOptions): Promise<RenderResult> {
  const name = resolveEngine(options.engine)
  if (name === 'latex' && !latexAvailable()) {
    return {kind: 'crash', engine: name, message: 'tikz.engine is "latex" but latex and dvisvgm are not both on PATH'}
  }
  const engine = engineFor(name)
  const document = buildDocument(spec, name, options.preamble)
  const key = digest(CACHE_FORMAT, name, await engine.version(), document.text)
  const store = storeFor(options.cacheDir)
  const hit = await store.getJson<RenderEntry>(key)
  if (hit && (typeof hit.svg === 'string' || hit.error)) {
    renderStats.cacheHits++
    return {...hit, kind: 'done', cached: true}
  }

  // The same diagram twice on a page (or on two pages of this thread) is drawn once.
  const flight = `${options.cacheDir}\0${key}`
  let pending = inFlight.get(flight)
  if (!pending) {
    pending = draw(spec, options, engine, document, store, key).finally(() => inFlight.delete(flight))
    inFlight.set(flight, pending)
  }
  return pending
}

async function draw(spec: TikzSpec, options: RenderOptions, engine: Engine, document: TexDocument, store: CacheStore, key: string): Promise<RenderResult> {
  const name = engine.name
  const started = performance.now()
  const outcome = await engine.render(document, options.timeoutMs)
  renderStats.renders++
  renderStats.byEngine[name]++
  renderStats.renderMs += performance.now() - started
  if (!outcome.ok && outcome.reason === 'timeout') return {kind: 'timeout', engine: name}
  if (!outcome.ok && outcome.reason === 'crash') return {kind: 'crash', engine: name, message: outcome.message}

  let entry: RenderEntry
  if (outcome.ok) {
    const svg = cleanSvg(outcome.svg)
    entry = {engine: name, svg, fonts: externalFamilies(svg)}
    const dangling = danglingReferences(svg)
    if (dangling.length > 0 && name === 'tikzjax') {
      const fallback = latexAvailable() ? await renderDiagram(spec, {...options, engine: 'latex'}) : undefined
      if (fallback?.kind === 'done' && fallback.svg) entry = {...fallback, engine: 'latex', patternFallback: true}
      else entry.dangling = dangling
    }
  } else {
    const problem = parseTexLog(outcome.log)
    const texLine = problem?.line === undefined ? undefined : problem.line - engine.lineOffset - document.sourceLine + 1
    const lines = spec.source.split('\n').length
    entry = {engine: name, error: {message: problem?.message ?? lastLines(outcome.log)}}
    if (texLine !== undefined && texLine >= 1 && texLine <= lines) entry.error!.line = texLine
    if (problem?.missing) entry.error!.missing = problem.missing
  }
  delete (entry as {kind?: unknown}).kind
  delete (entry as {cached?: unknown}).cached
  // A cache that cannot be written (read-only checkout) only costs the next build time.
  await store.setJson(key, entry).catch(() => undefined)
  return {...entry, kind: 'done', cached: false}
}

function storeFor(dir: string): CacheStore {
  let store = stores.get(dir)
  if (!store) stores.set(dir, (store = openCacheStore(dir)))
  return store
}

function lastLines(log: string): string {
  const lines = log.trim().split('\n').filter(Boolean)
  return lines.length > 0 ? `TeX stopped: ${lines.slice(-2).join(' ').trim()}` : 'TeX stopped without saying why'
}

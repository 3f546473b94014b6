import type {Server} from 'node:http'
import type {FSWatcher} from 'chokidar'
import {loadConfig, type LoadedConfig} from '../config/load.js'
import {build, siteManifestPath, type BuildOptions, type BuildResult} from '../pipeline/run.js'
import type {PageOutcome} from '../pipeline/page.js'
import {DependencyGraph, type ChangeKind} from '../watch/graph.js'
import {createBuildQueue, type BuildQueue} from '../watch/queue.js'
import {watchPaths} from '../watch/watcher.js'
import {CoursebookError} from '../diagnostics/errors.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {recordWrittenFiles, type WriteState} from '../write/changed.js'
import {ReloadHub} from './live-reload.js'
import {startDevServer} from './server.js'
import {join} from 'node:path'
import {packageRoot} from '../package-info.js'
import type {PhaseTiming} from '../pipeline/timings.js'
import {LayoutMemo} from '../render/site.js'

export interface DevOptions {
  configPath: string
  port: number
  host: string
  /** Where messages go; the CLI prints them. */
  onBuild?: (report: DevBuildReport) => void
  /** Build as on this date (`--now`), against the units' release dates; default: the time of each build. */
  now?: Date
  /** Who the builds are for (`--audience`), overriding the config's `audience`. */
  audience?: BuildOptions['audience']
}

/** What one build of the session did, for the terminal. */
export interface DevBuildReport {
  ok: boolean
  /** Set when the build could not run at all (a config error). */
  error?: CoursebookError | Error
  diagnostics: readonly Diagnostic[]
  rendered: string[]
  written: string[]
  milliseconds: number
  /** The build's phases and their wall times (absent when the build could not run). */
  timings?: PhaseTiming[]
}

/**
 * A `coursebook dev` session: build, serve the site, watch the course, the
 * theme and the config (with the files it imports), and rebuild only what a
 * change affects. A failed build never stops the session: its problems go to
 * the terminal and to an overlay in the browser, and the last good pages stay
 * served until a later build succeeds.
 */
export class DevSession {
  readonly hub = new ReloadHub()
  private loaded: LoadedConfig | undefined
  private outcomes: Map<string, PageOutcome> | undefined
  private graph: DependencyGraph | undefined
  private readonly writeState: WriteState = new Map()
  private readonly layouts = new LayoutMemo()
  /** Whether a build of this session wrote the whole site atomically: from then on the folder holds exactly what `writeState` says. */
  private exactFolder = false
  private watcher: FSWatcher | undefined
  private server: Server | undefined
  private queue: BuildQueue
  private changes = new Map<string, ChangeKind>()
  /** Builds completed, successful or not. */
  builds = 0

  constructor(private readonly options: DevOptions) {
    this.queue = createBuildQueue({settleMs: 5, build: () => this.rebuild()})
  }

  /** Build once, start the server and the watcher. Resolves with the server's URL. */
  async start(): Promise<string> {
    await this.rebuild()
    const outPath = this.loaded?.config.outPath
    if (!outPath) throw this.lastError ?? new Error('the config could not be loaded')
    this.server = await startDevServer({root: outPath, hub: this.hub, port: this.options.port, host: this.options.host})
    await this.watch()
    const address = this.server.address()
    const port = typeof address === 'object' && address ? address.port : this.options.port
    return `http://${this.options.host}:${port}/`
  }

  /** Resolves once every change seen so far has been built. */
  settled(): Promise<void> {
    return this.queue.idle()
  }

  async close(): Promise<void> {
    await this.watcher?.close()
    // A build under way finishes first, so that what is recorded below is what the folder holds.
    await this.queue.idle()
    this.hub.close()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    this.server?.closeAllConnections()
    // The next `coursebook build` then carries over what this session wrote instead of writing it all again.
    const config = this.loaded?.config
    const manifest = config ? siteManifestPath(config, config.outPath) : undefined
    if (config && manifest && this.writeState.size > 0) await recordWrittenFiles(config.outPath, this.writeState, manifest, {complete: this.exactFolder}).catch(() => undefined)
  }

  private lastError: Error | undefined

  /** Start watching; resolves once the initial scan is done, so no edit after `start()` is missed. */
  private async watch(): Promise<void> {
    const config = this.loaded!.config
    const paths = [config.contentPath, ...this.loaded!.dependencies, ...this.themeDirs()]
    const watcher = await watchPaths(paths, (path, kind) => {
      this.changes.set(path, kind)
      this.queue.push(path)
    })
    this.watcher = watcher
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  private themeDirs(): string[] {
    return [join(packageRoot, 'themes', this.loaded!.config.theme.name)]
  }

  private async rebuild(): Promise<void> {
    const started = performance.now()
    const changes = this.changes
    this.changes = new Map()
    try {
      const configChanged = !this.loaded || [...changes.keys()].some((p) => this.loaded!.dependencies.includes(p))
      if (configChanged) {
        this.loaded = await loadConfig(this.options.configPath, {command: 'dev'})
        this.outcomes = undefined
      }
      const config = this.loaded!.config
      this.graph ??= new DependencyGraph({configFiles: this.loaded!.dependencies, contentPath: config.contentPath, themeDirs: this.themeDirs()})
      this.graph.setRoots({configFiles: this.loaded!.dependencies, contentPath: config.contentPath, themeDirs: this.themeDirs()})
      const plan = this.graph.plan(changes)
      // Pages that failed are always tried again: the graph cannot know what they depend on.
      const current = (relPath: string, outcome: PageOutcome) => outcome.result !== undefined && !plan.pages.has(relPath)
      const reuse = this.outcomes && !plan.full ? new Map([...this.outcomes].filter(([relPath, outcome]) => current(relPath, outcome))) : undefined
      const whole = this.writeState.size === 0
      const result = await build({config, reuse, writeState: this.writeState, layouts: this.layouts, workers: 0, now: this.options.now, audience: this.options.audience})
      if (whole) this.exactFolder = true
      this.remember(result)
      this.report(result, started)
    } catch (error) {
      this.lastError = error as Error
      const problem = error instanceof CoursebookError
        ? {severity: 'error' as const, ruleId: error.ruleId, message: error.message, hint: error.hint, file: error.file, line: error.line, column: error.column}
        : {severity: 'error' as const, ruleId: 'internal', message: String((error as Error).stack ?? error)}
      this.hub.send({type: 'problems', problems: [problem]})
      this.builds++
      this.options.onBuild?.({ok: false, error: error as Error, diagnostics: [problem], rendered: [], written: [], milliseconds: performance.now() - started})
    }
  }

  private remember(result: BuildResult): void {
    this.outcomes = result.outcomes
    for (const [relPath, outcome] of result.outcomes) {
      const source = outcome.result?.source
      if (source) this.graph!.setPage(relPath, source.path, outcome.result!.dependencies)
    }
  }

  private report(result: BuildResult, started: number): void {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    this.hub.send({type: 'problems', problems: errors})
    if (result.written.length > 0) this.hub.send({type: 'reload', paths: result.written})
    this.builds++
    this.options.onBuild?.({
      ok: errors.length === 0,
      diagnostics: result.diagnostics,
      rendered: result.rendered,
      written: result.written,
      milliseconds: performance.now() - started,
      timings: result.timings,
    })
  }
}

import type {EngineName, TexDocument} from '../document.js'

export type {EngineName} from '../document.js'

/** How one render ended. `log` is TeX's console or log output, for the error message. */
export type RenderOutcome =
  | {ok: true; svg: string; log: string}
  | {ok: false; reason: 'tex'; log: string}
  | {ok: false; reason: 'timeout'}
  | {ok: false; reason: 'crash'; message: string}

/**
 * A TeX-to-SVG engine. One instance per thread; `render` may be called
 * concurrently and queues internally up to the engine's own parallelism.
 */
export interface Engine {
  readonly name: EngineName
  /** Identifies the engine's output for cache keys: the package or tool versions. */
  version(): Promise<string>
  render(document: TexDocument, timeoutMs: number): Promise<RenderOutcome>
  /** Lines TeX counts before the document's first line (node-tikzjax prepends one). */
  readonly lineOffset: number
  /** The most renders this engine has had running at once (threads or processes busy together). */
  peakBusy(): number
  /** Stop any processes or threads the engine started. */
  close(): Promise<void>
}

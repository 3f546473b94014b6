import {Worker} from 'node:worker_threads'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {AheadAnswer, AheadRequest} from './highlight-worker.js'

/**
 * The highlighting helper: a second thread that highlights the code of the
 * pages the main thread is about to render, so that shiki's work (and the
 * warming up of its regular expressions) leaves the main thread.
 *
 * Why a helper for one stage rather than a second page renderer: each V8
 * thread warms up its own compiled code, and on two cores a second full
 * page renderer spent more on warming up than it took off the main thread
 * (measured on the benchmark corpus). Highlighting is a separate body of
 * code with no state shared with the rest of a page, and its result is a
 * pure function of the language and the code.
 *
 * Contract: `aheadReady(path)` settles once the helper has answered for that
 * page (at once when no helper has the page); `aheadHtml(key)` is the HTML
 * the helper made for `highlightKey(lang, code)`, identical to what
 * `highlightToHtml` makes, or undefined. Blocks stay known until `close()`.
 */
export interface HighlightHelper {
  /** Hand over the pages to highlight, in the order they will be rendered. */
  send(pages: AheadRequest['pages']): void
  /** Stop the helper and forget what it made. */
  close(): Promise<void>
}

const html = new Map<string, string>()
const ready = new Map<string, {promise: Promise<void>; settle: () => void}>()

/** The helper's HTML for a block, if it made one. */
export function aheadHtml(key: string): string | undefined {
  return html.get(key)
}

/** Settles when the helper has answered for the page at `path`, or has stopped. */
export function aheadReady(path: string): Promise<void> | undefined {
  return ready.get(path)?.promise
}

/**
 * Start the helper thread now (its modules load while the main thread reads
 * the config), or undefined when coursebook runs from its TypeScript sources
 * (tests), which have no compiled worker script. `script`: the worker's
 * compiled module (tests choose one).
 */
export function startHighlightHelper(script = fileURLToPath(new URL('./highlight-worker.js', import.meta.url))): HighlightHelper | undefined {
  if (!existsSync(script)) return undefined
  const worker = new Worker(script)
  const mine = new Set<string>()
  const settleAll = () => {
    for (const path of mine) ready.get(path)?.settle()
  }
  worker.on('message', ({path, blocks}: AheadAnswer) => {
    for (const [key, value] of blocks) html.set(key, value)
    ready.get(path)?.settle()
  })
  // A helper that fails leaves every page to highlight its own code.
  worker.on('error', settleAll)
  worker.on('exit', settleAll)
  return {
    send(pages) {
      for (const {path} of pages) {
        let settle!: () => void
        const promise = new Promise<void>((resolve) => (settle = resolve))
        ready.set(path, {promise, settle})
        mine.add(path)
      }
      worker.postMessage({pages} satisfies AheadRequest)
    },
    async close() {
      settleAll()
      for (const path of mine) ready.delete(path)
      html.clear()
      await worker.terminate()
    },
  }
}

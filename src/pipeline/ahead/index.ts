import {Worker} from 'node:worker_threads'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {PageSource} from '../types.js'
import type {AheadAnswer, AheadRequest} from './ahead-worker.js'
import {addPrepared, clearPrepared, expectAnswer} from './prepared.js'
import {CLAIMED_BY_HELPER, CLAIMED_BY_MAIN, UNCLAIMED} from './claims.js'

/**
 * The helper: a second thread that parses the Markdown and highlights the
 * code of the pages the main thread is about to render (prepared.ts keeps
 * what it sends), so that the main thread does less of that work and never
 * warms up the highlighter.
 *
 * Why a helper for two stages rather than a second page renderer: each V8
 * thread warms up its own compiled code, and on two cores a second full page
 * renderer spent more on warming up than it took off the main thread
 * (measured on the benchmark corpus). Parsing and highlighting are separate
 * bodies of code whose results are pure functions of their inputs, and a
 * parsed tree crosses threads in V8's serialisation at a small part of what
 * parsing it cost.
 *
 * Both threads go through the pages in order. The helper highlights every
 * page's code; it parses a page's Markdown unless the main thread got to the
 * page first (a shared array of claims, claims.ts, decides), which keeps the
 * two balanced: whichever is ahead does more of the parsing.
 */
export interface AheadHelper {
  /** Hand over the pages to render, in order; the main thread then asks the schedule for its next page. */
  schedule(pages: readonly PageSource[]): PageSchedule
  /** Stop the helper and forget what it prepared. */
  close(): Promise<void>
}

export interface PageSchedule {
  /** The next page to render on the main thread, or undefined once every page has been handed out. */
  next(): Promise<PageSource | undefined>
}

/**
 * Start the helper thread now, or undefined when coursebook runs from its
 * TypeScript sources (tests), which have no compiled worker script.
 * `script`: the worker's compiled module (tests choose one).
 */
export function startAheadHelper(script = fileURLToPath(new URL('./ahead-worker.js', import.meta.url))): AheadHelper | undefined {
  if (!existsSync(script)) return undefined
  const worker = new Worker(script)
  let stopped = false
  let settlers: Record<AheadAnswer['part'], Array<() => void>> = {trees: [], code: []}
  const stop = () => {
    stopped = true
    for (const settle of [...settlers.trees, ...settlers.code]) settle()
  }
  worker.on('message', (answer: AheadAnswer) => {
    addPrepared(answer)
    settlers[answer.part][answer.index]?.()
  })
  // A helper that fails leaves every page to its own thread.
  worker.on('error', stop)
  worker.on('exit', stop)
  return {
    schedule(pages) {
      const claims = new Int32Array(new SharedArrayBuffer(4 * pages.length))
      const parsed = pages.map(() => settleable())
      const highlighted = pages.map(() => settleable())
      pages.forEach((page, i) => expectAnswer(page.path, highlighted[i]!.promise))
      settlers = {trees: parsed.map((p) => p.settle), code: highlighted.map((h) => h.settle)}
      // A helper that has already stopped answers nothing: settle everything at once.
      if (stopped) stop()
      else worker.postMessage({pages: pages.map(({path, kind}) => ({path, kind})), claims: claims.buffer as SharedArrayBuffer} satisfies AheadRequest)
      let front = 0
      return {
        async next() {
          if (front >= pages.length) return undefined
          const index = front++
          // A page the helper is parsing is rendered once its trees are in; any other is parsed here.
          if (Atomics.compareExchange(claims, index, UNCLAIMED, CLAIMED_BY_MAIN) === CLAIMED_BY_HELPER) await parsed[index]!.promise
          return pages[index]
        },
      }
    },
    async close() {
      stop()
      clearPrepared()
      await worker.terminate()
    },
  }
}

/** A promise with its resolve function. */
function settleable(): {promise: Promise<void>; settle: () => void} {
  let settle!: () => void
  const promise = new Promise<void>((resolve) => (settle = resolve))
  return {promise, settle}
}

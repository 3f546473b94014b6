import {Worker} from 'node:worker_threads'
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Course, PageSource} from './types.js'
import type {PageContext, PageOutcome} from './page.js'
import {startAheadHelper, type AheadHelper} from './ahead/index.js'

/** Pages per extra thread below which a worker costs more than it saves. */
const PAGES_PER_WORKER = 12

export interface PagePool {
  /** Render `pages` (default: every page of the course); outcomes keyed by content-relative source path. */
  render(ctx: PageContext, course: Course, onPage?: () => void, pages?: readonly PageSource[]): Promise<Map<string, PageOutcome>>
  /** Stop the workers (also done by `render` when it finishes). */
  close(): Promise<void>
}

/**
 * Start the page pool: `workers` threads besides the main one (default: one
 * fewer than the cores from 4 cores up, none below), started now so that loading their modules overlaps
 * the main thread's config loading and discovery. Workers run only from
 * compiled JavaScript; from TypeScript sources (tests) everything runs on the
 * main thread.
 *
 * `helper`: whether a helper thread (ahead/index.ts) parses the Markdown and
 * highlights the code of the pages ahead of the main thread; by default when
 * the default gives no page workers and there are at least two cores.
 */
export function startPagePool(workers?: number, options: {eager?: boolean; helper?: boolean} = {}): PagePool {
  // An explicit count is honoured; the default leaves small courses on the main thread.
  const perWorker = workers === undefined ? PAGES_PER_WORKER : 1
  // Measured on 2 cores: a second page renderer spent more warming up its own compiled code than it took
  // off the main thread, so the benchmark build was slower with it. Workers pay off from 4 cores.
  const count = workers ?? (availableParallelism() >= 4 ? availableParallelism() - 1 : 0)
  const script = fileURLToPath(new URL('./page-worker.js', import.meta.url))
  const usable = existsSync(script) ? Math.max(0, count) : 0
  // Eager workers load their modules while the main thread loads the config; lazy ones only if pages need rendering.
  let threads = options.eager === false ? [] : Array.from({length: usable}, () => new Worker(script))
  const helps = (options.helper ?? (workers === undefined && availableParallelism() >= 2)) && usable === 0
  let helper: AheadHelper | undefined = helps && options.eager !== false ? startAheadHelper() : undefined
  const close = async () => {
    const closing = helper?.close()
    helper = undefined
    await Promise.all([...threads.map((t) => t.terminate()), closing])
  }
  return {
    close,
    async render(ctx, course, onPage, pages = course.pages) {
      const queue: PageSource[] = [...pages]
      const outcomes = new Map<string, PageOutcome>()
      const done = (relPath: string, outcome: PageOutcome) => {
        outcomes.set(relPath, outcome)
        onPage?.()
      }
      if (threads.length === 0 && queue.length > 0) threads = Array.from({length: usable}, () => new Worker(script))
      // A few pages (an edit in `dev`) are over before a helper would have started.
      if (!helper && helps && queue.length >= PAGES_PER_WORKER) helper = startAheadHelper()
      const used = threads.slice(0, Math.floor(queue.length / perWorker))
      for (const idle of threads.slice(used.length)) void idle.terminate()
      if (queue.length === 0) return outcomes
      // The renderers (shiki, KaTeX, micromark) load only when a page needs rendering.
      const {processPage} = await import('./page.js')
      const working = used.map((thread) => feedWorker(thread, ctx, course, queue, done))
      // With the helper (never beside page workers), the main thread takes its pages in the helper's schedule.
      const schedule = helper?.schedule(queue.splice(0))
      const mainThread = (async () => {
        if (schedule) for (let next = await schedule.next(); next; next = await schedule.next()) done(next.relPath, await processPage(ctx, next))
        for (let next = queue.shift(); next; next = queue.shift()) {
          done(next.relPath, await processPage(ctx, next))
          // Rendering settles on microtasks only: without a turn of the event loop, the workers' answers (and so their next pages) would wait until the main thread's queue is empty.
          if (working.length > 0) await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      await Promise.all([mainThread, ...working])
      await close()
      // Pages a failed worker held are rendered here.
      for (const page of pages) if (!outcomes.has(page.relPath)) done(page.relPath, await processPage(ctx, page))
      return outcomes
    },
  }
}

function feedWorker(
  worker: Worker,
  ctx: PageContext,
  course: Course,
  queue: PageSource[],
  done: (relPath: string, outcome: PageOutcome) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0
    const feed = () => {
      // Two pages in flight, so the worker never waits on the main thread's turn.
      while (inFlight < 2 && queue.length > 0) {
        worker.postMessage({type: 'page', relPath: queue.shift()!.relPath})
        inFlight++
      }
      if (inFlight === 0) resolve()
    }
    worker.on('message', (message: {relPath: string} & PageOutcome) => {
      inFlight--
      const source = course.pagesBySource.get(message.relPath)!
      done(message.relPath, {result: message.result ? {...message.result, source} : undefined, diagnostics: message.diagnostics})
      feed()
    })
    // A crashed worker's pages are picked up by the main thread afterwards.
    worker.on('error', () => resolve())
    worker.on('exit', () => resolve())
    worker.postMessage({type: 'course', config: ctx.config, course})
    feed()
  })
}

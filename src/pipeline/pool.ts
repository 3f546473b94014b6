import {Worker} from 'node:worker_threads'
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Course, PageSource} from './types.js'
import {processPage, type PageContext, type PageOutcome} from './page.js'

/** Pages per extra thread below which starting a worker costs more than it saves. */
const PAGES_PER_WORKER = 12

export interface PoolOptions {
  /** Threads besides the main one; default: one fewer than the cores. */
  workers?: number
  onPage?: () => void
}

/**
 * Render every page of the course, on the main thread and on worker threads
 * (each with its own highlighter and KaTeX), taking pages from one queue so a
 * slow page does not hold the others up. Outcomes come back keyed by source
 * path. Workers run only from compiled JavaScript; from TypeScript sources
 * (tests) everything runs on the main thread.
 */
export async function renderPages(ctx: PageContext, course: Course, options: PoolOptions = {}): Promise<Map<string, PageOutcome>> {
  const queue: PageSource[] = [...course.pages]
  const outcomes = new Map<string, PageOutcome>()
  const done = (relPath: string, outcome: PageOutcome) => {
    outcomes.set(relPath, outcome)
    options.onPage?.()
  }
  const script = fileURLToPath(new URL('./page-worker.js', import.meta.url))
  const wanted = options.workers ?? availableParallelism() - 1
  const count = existsSync(script) ? Math.max(0, Math.min(wanted, Math.floor(queue.length / PAGES_PER_WORKER))) : 0
  const workers = Array.from({length: count}, () => runWorker(script, ctx, course, queue, done))
  const mainThread = (async () => {
    for (let next = queue.shift(); next; next = queue.shift()) done(next.relPath, await processPage(ctx, next))
  })()
  await Promise.all([mainThread, ...workers])
  // Pages a failed worker held are rendered here.
  for (const page of course.pages) if (!outcomes.has(page.relPath)) done(page.relPath, await processPage(ctx, page))
  return outcomes
}

function runWorker(
  script: string,
  ctx: PageContext,
  course: Course,
  queue: PageSource[],
  done: (relPath: string, outcome: PageOutcome) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script, {workerData: {config: ctx.config, course}})
    let inFlight = 0
    const feed = () => {
      // Two pages in flight, so the worker never waits on the main thread's turn.
      while (inFlight < 2 && queue.length > 0) {
        worker.postMessage(queue.shift()!.relPath)
        inFlight++
      }
      if (inFlight === 0) void worker.terminate().then(() => resolve())
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
    feed()
  })
}

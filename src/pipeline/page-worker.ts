import {parentPort, workerData} from 'node:worker_threads'
import type {Course} from './types.js'
import type {ResolvedConfig} from '../config/schema.js'
import {processPage, type PageContext} from './page.js'

/**
 * A worker thread that renders pages for the build's page pool. It receives
 * the config and the discovered course once, then page paths one at a time,
 * and answers each with the page's result and diagnostics. The result's
 * `source` is left out (the main thread has it) so the course is not cloned
 * back with every page.
 */
const {config, course} = workerData as {config: ResolvedConfig; course: Course}
const ctx: PageContext = {config, pagesBySource: course.pagesBySource, units: course.units}

parentPort!.on('message', async (relPath: string) => {
  const source = course.pagesBySource.get(relPath)!
  const {result, diagnostics} = await processPage(ctx, source)
  parentPort!.postMessage({relPath, result: result ? {...result, source: undefined} : undefined, diagnostics})
})

import {parentPort} from 'node:worker_threads'
import type {Course} from './types.js'
import type {ResolvedConfig} from '../config/schema.js'
import {processPage, type PageContext} from './page.js'
import {getHighlighter} from '../render/html/highlight.js'

/**
 * A worker thread that renders pages for the build's page pool. It starts
 * before the course is known (so loading its modules overlaps the main
 * thread's config loading and discovery), warms the highlighter, then receives
 * the config and the course once and page paths one at a time, answering each
 * with the page's result and diagnostics. The result's `source` is left out
 * (the main thread has it) so the course is not cloned back with every page.
 */
type Message = {type: 'course'; config: ResolvedConfig; course: Course} | {type: 'page'; relPath: string}

// Most course notebooks are Python: loading its grammar now takes it off the first page's time.
void getHighlighter(['python'])

let course: Course | undefined
let ctx: PageContext | undefined

parentPort!.on('message', async (message: Message) => {
  if (message.type === 'course') {
    course = message.course
    ctx = {config: message.config, pagesBySource: course.pagesBySource, units: course.units}
    return
  }
  const source = course!.pagesBySource.get(message.relPath)!
  const {result, diagnostics} = await processPage(ctx!, source)
  parentPort!.postMessage({relPath: message.relPath, result: result ? {...result, source: undefined} : undefined, diagnostics})
})

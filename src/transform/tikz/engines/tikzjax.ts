import {Worker} from 'node:worker_threads'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {TexDocument} from '../document.js'
import type {Engine, RenderOutcome} from './types.js'
import type {TikzjaxReply} from './tikzjax-worker.js'

const require = createRequire(import.meta.url)

interface Job {
  input: string
  timeoutMs: number
  resolve(outcome: RenderOutcome): void
}

interface Slot {
  worker: Worker
  ready: boolean
  job?: Job & {id: number; timer: NodeJS.Timeout}
}

/**
 * node-tikzjax (TeX compiled to WebAssembly, no system dependency), run in
 * up to `threads` worker threads of its own: one render at a time each,
 * started on demand (loading costs about a second) and kept for the life of
 * the process. A render that outlives its timeout has its thread terminated
 * and replaced; a crashed thread fails only its own diagram.
 */
export function createTikzjaxEngine(threads: number): Engine {
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let peak = 0

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue
      const job = queue.shift()!
      const id = nextId++
      slot.job = {...job, id, timer: setTimeout(() => fail(slot, {ok: false, reason: 'timeout'}), job.timeoutMs)}
      slot.worker.postMessage({id, input: job.input})
    }
    peak = Math.max(peak, slots.filter((slot) => slot.job).length)
    const starting = slots.filter((slot) => !slot.ready).length
    if (queue.length > starting && slots.length < threads) slots.push(spawn())
    // A busy or starting thread keeps the process alive; an idle one must not.
    for (const slot of slots) {
      if (slot.job || !slot.ready) slot.worker.ref()
      else slot.worker.unref()
    }
  }

  const fail = (slot: Slot, outcome: RenderOutcome) => {
    slots.splice(slots.indexOf(slot), 1)
    void slot.worker.terminate()
    if (slot.job) {
      clearTimeout(slot.job.timer)
      slot.job.resolve(outcome)
    } else if (!slot.ready && slots.length === 0) {
      // The engine cannot even start: fail what waits rather than retry for ever.
      for (const job of queue.splice(0)) job.resolve(outcome)
    }
    dispatch()
  }

  const spawn = (): Slot => {
    const slot: Slot = {worker: startWorker(), ready: false}
    slot.worker.on('message', (reply: TikzjaxReply) => {
      if (reply.type === 'ready') slot.ready = true
      else if (slot.job && reply.id === slot.job.id) {
        const {resolve, timer} = slot.job
        clearTimeout(timer)
        slot.job = undefined
        resolve(reply.svg !== undefined ? {ok: true, svg: reply.svg, log: reply.log} : {ok: false, reason: 'tex', log: reply.log})
      }
      dispatch()
    })
    const crashed = (message: string) => {
      if (slots.includes(slot)) fail(slot, {ok: false, reason: 'crash', message})
    }
    slot.worker.on('error', (error) => crashed(error.message))
    slot.worker.on('exit', (code) => crashed(`the tikzjax thread exited with code ${code}`))
    return slot
  }

  return {
    name: 'tikzjax',
    lineOffset: 1,
    version: async () => `node-tikzjax@${tikzjaxVersion()}`,
    peakBusy: () => peak,
    render(document: TexDocument, timeoutMs: number) {
      return new Promise<RenderOutcome>((resolve) => {
        queue.push({input: document.text, timeoutMs, resolve})
        dispatch()
      })
    },
    async close() {
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}

/** The installed node-tikzjax version. */
export function tikzjaxVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('node-tikzjax/package.json'), 'utf8')) as {version: string}).version
}

/**
 * The compiled worker when running from `lib/`; from the TypeScript sources
 * (tests, an uncompiled checkout) the `.ts` worker is loaded through jiti.
 */
function startWorker(): Worker {
  const compiled = new URL('./tikzjax-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled)
  const source = fileURLToPath(new URL('./tikzjax-worker.ts', import.meta.url))
  const jiti = require.resolve('jiti')
  const code = `require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(source)}).import(${JSON.stringify(source)})`
  return new Worker(code, {eval: true})
}

import {parentPort} from 'node:worker_threads'
import {createRequire} from 'node:module'

// Loaded with Node's own require, so that from the TypeScript sources jiti does not transpile all of jsdom and svgo.
const {load, tex, dvi2svg} = createRequire(import.meta.url)('node-tikzjax') as typeof import('node-tikzjax')

/**
 * One node-tikzjax instance in its own thread, so that a diagram that never
 * finishes (TeX runs synchronously inside WebAssembly) can be stopped by
 * terminating the thread. It loads the engine, says `ready`, then answers
 * each `{id, input}` with the SVG or TeX's console output. node-tikzjax
 * prints through `console`; that is captured here and never reaches the
 * build's terminal.
 */
export interface TikzjaxRequest {
  id: number
  input: string
}

export type TikzjaxReply = {type: 'ready'} | {type: 'result'; id: number; svg?: string; log: string; error?: string}

let captured: string[] | undefined
const capture = (...args: unknown[]) => {
  captured?.push(args.map(String).join(' '))
}
console.log = capture
console.info = capture
console.warn = capture
console.error = capture
console.debug = capture

async function render({id, input}: TikzjaxRequest): Promise<TikzjaxReply> {
  captured = []
  try {
    const dvi = await tex(input, {showConsole: true})
    let svg: string
    try {
      svg = await dvi2svg(dvi)
    } catch {
      // node-tikzjax's own advice when its DOM clean-up fails on a large graph: take the raw SVG.
      svg = await dvi2svg(dvi, {disableSanitize: true})
      svg = /<svg[\s\S]*<\/svg>/.exec(svg)?.[0] ?? svg
    }
    return {type: 'result', id, svg, log: texOutput(captured)}
  } catch (error) {
    return {type: 'result', id, log: texOutput(captured), error: error instanceof Error ? error.message : String(error)}
  } finally {
    captured = undefined
  }
}

// node-tikzjax echoes its input before TeX starts; keep only what TeX said.
function texOutput(lines: string[]): string {
  const start = lines.findIndex((line) => line.startsWith('This is e-TeX'))
  return (start >= 0 ? lines.slice(start) : lines).join('\n')
}

// No top-level await: from the TypeScript sources this module runs through jiti.
void load().then(() => {
  parentPort!.on('message', (request: TikzjaxRequest) => {
    void render(request).then((reply) => parentPort!.postMessage(reply))
  })
  parentPort!.postMessage({type: 'ready'} satisfies TikzjaxReply)
})

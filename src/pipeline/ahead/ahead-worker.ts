import {parentPort} from 'node:worker_threads'
import {readFileSync} from 'node:fs'
import {serialize} from 'node:v8'
import {getHighlighter, highlightKey, highlightToHtml} from '../../render/html/highlight.js'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../parse/markdown.js'
import {predict, type Prediction} from './predict.js'
import {markdownKey} from './prepared.js'
import {CLAIMED_BY_HELPER, UNCLAIMED} from './claims.js'

/**
 * The helper thread (see index.ts). It receives the pages the main thread is
 * about to render, in order, with a shared array of claims. For each page it
 * parses the Markdown if the main thread has not claimed that, highlights the
 * code, and answers with both. What it already sent in this build is not sent
 * again.
 */
export interface AheadRequest {
  pages: Array<{path: string; kind: 'notebook' | 'markdown'}>
  /** One Int32 per page (claims.ts). */
  claims: SharedArrayBuffer
}

/**
 * One of the two answers for a page: first its parsed Markdown (when the
 * helper claimed it), then its highlighted code, each as soon as it is ready.
 */
export interface AheadAnswer {
  /** The page's index in the request. */
  index: number
  part: 'trees' | 'code'
  /** `[markdownKey(kind, text), serialised tree]` pairs. */
  trees: Array<[string, Uint8Array]>
  /** `[highlightKey(lang, code), html]` pairs. */
  code: Array<[string, string]>
}

// Most course notebooks are Python: its grammar loads while the main thread loads the config.
void getHighlighter(['python'])

/** The keys of the trees and of the highlighted code already sent in this build. */
const sentTrees = new Set<string>()
const sentCode = new Set<string>()

parentPort!.on('message', async ({pages, claims: buffer}: AheadRequest) => {
  const claims = new Int32Array(buffer)
  for (const [index, {path, kind}] of pages.entries()) {
    const parse = Atomics.compareExchange(claims, index, UNCLAIMED, CLAIMED_BY_HELPER) === UNCLAIMED
    const trees: AheadAnswer = {index, part: 'trees', trees: [], code: []}
    const code: AheadAnswer = {index, part: 'code', trees: [], code: []}
    // Every page gets its answers, complete or not: the main thread waits for them.
    let treesSent = !parse
    try {
      const predicted = predict(readFileSync(path, 'utf8'), kind)
      // The main thread waits for the trees of a page the helper claimed, so they go first, alone.
      if (parse) {
        parseAll(predicted, trees)
        parentPort!.postMessage(trees)
        treesSent = true
      }
      await highlightAll(predicted, code)
    } catch {
      // Whatever the helper could not prepare, the main thread computes.
    }
    if (!treesSent) parentPort!.postMessage(trees)
    parentPort!.postMessage(code)
  }
})

function parseAll(predicted: Prediction, answer: AheadAnswer): void {
  for (const {kind, text} of predicted.markdown) {
    const key = markdownKey(kind, text)
    if (sentTrees.has(key)) continue
    sentTrees.add(key)
    answer.trees.push([key, serialize(kind === 'page' ? parseMarkdownSource(text) : parseMarkdownBlocks(text))])
  }
}

async function highlightAll(predicted: Prediction, answer: AheadAnswer): Promise<void> {
  // The page's blocks not sent yet, each once, by key.
  const fresh = new Map(predicted.code.map((block) => [highlightKey(block.lang, block.code), block]))
  for (const key of fresh.keys()) if (sentCode.has(key)) fresh.delete(key)
  if (fresh.size === 0) return
  const highlighter = await getHighlighter(new Set(Array.from(fresh.values(), (block) => block.lang)))
  for (const [key, {lang, code}] of fresh) {
    sentCode.add(key)
    answer.code.push([key, highlightToHtml(highlighter, code, lang)])
  }
}

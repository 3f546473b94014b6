import {parentPort} from 'node:worker_threads'
import {readFileSync} from 'node:fs'
import {getHighlighter, highlightKey, highlightToHtml} from './highlight.js'
import {predictCode} from './predict-code.js'

/**
 * The highlighting helper's thread (see highlight-ahead.ts): it receives the
 * pages the build is about to render, in the order it will render them, and
 * answers each with the HTML of the code blocks that page will probably
 * highlight, keyed as `highlightToHtml` keys them. A block already sent in
 * this build is not sent again.
 */
export interface AheadRequest {
  pages: Array<{path: string; kind: 'notebook' | 'markdown'}>
}

export interface AheadAnswer {
  path: string
  /** `[highlightKey(lang, code), html]` pairs. */
  blocks: Array<[string, string]>
}

// Most course notebooks are Python: its grammar loads while the main thread loads the config.
void getHighlighter(['python'])

const sent = new Set<string>()

parentPort!.on('message', async ({pages}: AheadRequest) => {
  for (const {path, kind} of pages) {
    const blocks: Array<[string, string]> = []
    try {
      const predicted = predictCode(readFileSync(path, 'utf8'), kind).filter(({lang, code}) => !sent.has(highlightKey(lang, code)))
      const highlighter = await getHighlighter(new Set(predicted.map((p) => p.lang)))
      for (const {lang, code} of predicted) {
        const key = highlightKey(lang, code)
        if (sent.has(key)) continue
        sent.add(key)
        blocks.push([key, highlightToHtml(highlighter, code, lang)])
      }
    } catch {
      // A page the helper cannot read or highlight is highlighted by the page's own thread.
    }
    parentPort!.postMessage({path, blocks} satisfies AheadAnswer)
  }
})

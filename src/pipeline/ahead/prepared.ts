import {deserialize} from 'node:v8'

/**
 * What the helper thread (see index.ts) prepared for the pages the main
 * thread is rendering: parsed Markdown and highlighted code, keyed by exactly
 * what the main thread would compute them from. Each is a pure function of
 * its key, so a page renders the same whether it finds its input here or
 * computes it; whatever is missing is computed as usual.
 *
 * Parsed trees are kept serialised (V8's format): every lookup gets its own
 * copy, which the page's transforms may change freely.
 */
const trees = new Map<string, Uint8Array>()
const code = new Map<string, string>()
/** Per page file: settles once the helper has answered for it (or stopped). */
const answers = new Map<string, Promise<void>>()

/** Whether a key names a page's whole Markdown (front matter allowed) or a cell's blocks. */
export type MarkdownKind = 'page' | 'blocks'

export function markdownKey(kind: MarkdownKind, text: string): string {
  return `${kind === 'page' ? 'p' : 'b'}\0${text}`
}

/** The tree the helper parsed from `text`, as a fresh copy, or undefined. */
export function preparedMarkdown<T>(kind: MarkdownKind, text: string): T | undefined {
  // Without a helper (most builds but a cold one) every parse passes here: no key is made for an empty map.
  if (trees.size === 0) return undefined
  const bytes = trees.get(markdownKey(kind, text))
  return bytes ? (deserialize(bytes) as T) : undefined
}

/** The HTML the helper highlighted for `highlightKey(lang, code)`, or undefined. */
export function preparedCode(key: string): string | undefined {
  return code.get(key)
}

/**
 * Wait for the helper's answer for the page at `path` when the helper has
 * the page in hand: its code is always highlighted there, so the page's
 * highlighting waits for it. Settles at once for any other page.
 */
export async function answerFor(path: string): Promise<void> {
  await answers.get(path)
}

/** Register that the helper will answer for `path`, when `answered` settles. */
export function expectAnswer(path: string, answered: Promise<void>): void {
  answers.set(path, answered)
}

/** Take in a helper's answer for one page. */
export function addPrepared(answer: {trees: Array<[string, Uint8Array]>; code: Array<[string, string]>}): void {
  for (const [key, bytes] of answer.trees) trees.set(key, bytes)
  for (const [key, html] of answer.code) code.set(key, html)
}

/** Forget everything prepared (the end of a build's pages). */
export function clearPrepared(): void {
  trees.clear()
  code.clear()
  answers.clear()
}

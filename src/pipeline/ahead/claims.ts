/**
 * Who parses each page's Markdown, one Int32 per page in a SharedArrayBuffer
 * that the main thread and the helper both change with
 * `Atomics.compareExchange`, so that a page is never parsed by the helper
 * after the main thread has started it on its own. The helper highlights
 * every page's code either way.
 */
export const UNCLAIMED = 0
/** The helper parses the page; the main thread renders it with the trees the helper sends. */
export const CLAIMED_BY_HELPER = 1
/** The main thread parses the page itself (the helper had not reached it). */
export const CLAIMED_BY_MAIN = 2

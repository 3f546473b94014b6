import {afterEach, describe, expect, it, vi} from 'vitest'
import {getHighlighter, highlightToHtml} from '../../src/render/html/highlight.js'

/**
 * A line that takes long to tokenise (a large grammar's regexes compiled on
 * first use, a busy machine) must still be highlighted whole, or the same
 * page comes out differently from one build to the next. The clock is made
 * to jump 700 ms at every look, past shiki's default limit of half a second.
 */
describe('highlightToHtml on a slow machine', () => {
  afterEach(() => vi.restoreAllMocks())

  it('tokenises a line whole even when it takes longer than shiki’s default half second', async () => {
    const instance = await getHighlighter(['python'])
    const code = `total_${Date.now()} = sum(range(10))  # a comment`
    const quick = highlightToHtml(instance, code, 'python')
    let now = 0
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 700))
    // Different text, so the memo of identical blocks does not answer.
    const slow = highlightToHtml(instance, `${code} `, 'python')
    vi.restoreAllMocks()
    const spans = (html: string) => (html.match(/<span style/g) ?? []).length
    expect(spans(slow)).toBe(spans(quick))
    expect(spans(slow)).toBeGreaterThan(4)
  })
})

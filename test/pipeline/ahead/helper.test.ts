import {describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {startAheadHelper} from '../../../src/pipeline/ahead/index.js'
import {answerFor} from '../../../src/pipeline/ahead/prepared.js'
import type {PageSource, Unit} from '../../../src/pipeline/types.js'

const unit: Unit = {dir: 'u', slug: 'u', title: 'U', learningOutcomes: [], meta: {}, pages: []}
const pages: PageSource[] = ['a', 'b', 'c'].map((name, order) => ({path: `/nowhere/${name}.md`, relPath: `u/${name}.md`, kind: 'markdown', outPath: `u/${name}.html`, unit, order}))

/** A helper thread whose script fails as it starts (or later, `after` ms into its life). */
function failingHelper(after?: number) {
  const script = join(mkdtempSync(join(tmpdir(), 'cb-helper-')), 'helper.mjs')
  writeFileSync(script, after === undefined ? "throw new Error('broken helper')\n" : `setTimeout(() => { throw new Error('broken helper') }, ${after})\n`)
  return startAheadHelper(script)!
}

describe('a helper thread that fails', () => {
  it.each([['as it starts', undefined], ['after the pages are handed over', 200]])('%s leaves every page to the main thread, in order, and nothing waits for it', async (_when, after) => {
    const helper = failingHelper(after)
    try {
      const schedule = helper.schedule(pages)
      const order: string[] = []
      for (let page = await schedule.next(); page; page = await schedule.next()) {
        order.push(page.relPath)
        // What a page's highlighting waits for settles too.
        await answerFor(page.path)
      }
      expect(order).toEqual(pages.map((p) => p.relPath))
    } finally {
      await helper.close()
    }
  })
})

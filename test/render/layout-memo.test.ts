import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {build, type BuildOptions, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import {LayoutMemo} from '../../src/render/site.js'
import type {WriteState} from '../../src/write/changed.js'
import {tempCourse} from '../sites/helpers.js'

/**
 * `dev` keeps the page layouts between rebuilds: a page whose body and
 * navigation did not change keeps the very same HTML string. What is reused
 * must be exactly what laying the page out again would give.
 */
function course() {
  const c = tempCourse('cb-layout-memo-')
  c.write('week-1/01-first.md', '# First\n\nOne.')
  c.write('week-1/02-second.md', '# Second\n\nTwo.')
  c.write('week-2/01-third.md', '# Third\n\nThree.')
  return c
}

/** A dev-style session: the same write state and layout memo, and the previous outcomes minus the changed pages. */
function session(root: string) {
  const config = configFromObject({code: 'MEMO1', title: 'Memo course'}, root)
  const writeState: WriteState = new Map()
  const layouts = new LayoutMemo()
  let last: BuildResult | undefined
  return {
    layouts,
    async rebuild(changed: string[] = [], extra: Partial<BuildOptions> = {}) {
      const reuse = last ? new Map([...last.outcomes].filter(([relPath]) => !changed.includes(relPath))) : undefined
      last = await build({config, writeState, layouts, reuse, cache: false, workers: 0, ...extra})
      return last
    },
  }
}

const htmlOf = (memo: LayoutMemo) => new Map([...memo.pages].map(([href, entry]) => [href, entry.html]))

describe('the layout memo of a dev session', () => {
  it('keeps the HTML of untouched pages and lays out the edited one again', async () => {
    const c = course()
    const dev = session(c.root)
    await dev.rebuild()
    const before = htmlOf(dev.layouts)
    expect([...before.keys()].sort()).toEqual(['week-1/01-first.html', 'week-1/02-second.html', 'week-2/01-third.html'])
    c.write('week-1/02-second.md', '# Second\n\nTwo, edited.')
    const result = await dev.rebuild(['week-1/02-second.md'])
    const after = htmlOf(dev.layouts)
    expect(after.get('week-1/01-first.html')).toBe(before.get('week-1/01-first.html'))
    expect(after.get('week-2/01-third.html')).toBe(before.get('week-2/01-third.html'))
    expect(after.get('week-1/02-second.html')).toContain('Two, edited.')
    expect(result.written).toContain('week-1/02-second.html')
    expect(result.written).not.toContain('week-1/01-first.html')
  })

  it('lays out every page again when a title in the navigation changes', async () => {
    const c = course()
    const dev = session(c.root)
    await dev.rebuild()
    const before = htmlOf(dev.layouts)
    c.write('week-2/01-third.md', '# Third, renamed\n\nThree.')
    const result = await dev.rebuild(['week-2/01-third.md'])
    for (const [href, html] of htmlOf(dev.layouts)) {
      expect(html, href).not.toBe(before.get(href))
      expect(html, href).toContain('Third, renamed')
    }
    expect(result.written).toEqual(expect.arrayContaining(['week-1/01-first.html', 'week-1/02-second.html']))
  })

  it('gives byte for byte the site a build without the memo gives', async () => {
    const c = course()
    const dev = session(c.root)
    await dev.rebuild()
    c.write('week-1/01-first.md', '# First\n\nOne, edited.')
    await dev.rebuild(['week-1/01-first.md'])
    c.write('week-1/03-fourth.md', '# Fourth\n\nFour.')
    const edited = await dev.rebuild(['week-1/03-fourth.md'])
    const fresh = await build({config: configFromObject({code: 'MEMO1', title: 'Memo course'}, c.root), outDir: join(c.root, 'fresh'), cache: false, workers: 0})
    for (const page of ['week-1/01-first.html', 'week-1/02-second.html', 'week-1/03-fourth.html', 'week-2/01-third.html']) {
      expect(readFileSync(join(edited.outPath, page), 'utf8'), page).toBe(readFileSync(join(fresh.outPath, page), 'utf8'))
    }
  })

  it('forgets pages that left the course', async () => {
    const c = course()
    const dev = session(c.root)
    await dev.rebuild()
    const {rmSync} = await import('node:fs')
    rmSync(join(c.root, 'content', 'week-2', '01-third.md'))
    await dev.rebuild(['week-2/01-third.md'])
    expect([...dev.layouts.pages.keys()].sort()).toEqual(['week-1/01-first.html', 'week-1/02-second.html'])
  })
})

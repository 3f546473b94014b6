import {describe, expect, it} from 'vitest'
import {DependencyGraph} from '../../src/watch/graph.js'

const roots = {configFiles: ['/c/site.config.ts', '/c/macros.ts'], contentPath: '/c/content', themeDirs: ['/c/themes/default']}

function graph() {
  const g = new DependencyGraph(roots)
  g.setPage('w1/a.ipynb', '/c/content/w1/a.ipynb', ['/c/content/w1/img/plot.png', '/c/content/w2/b.md'])
  g.setPage('w1/c.md', '/c/content/w1/c.md', ['/c/content/w1/img/plot.png'])
  g.setPage('w2/b.md', '/c/content/w2/b.md', [])
  return g
}

describe('DependencyGraph.plan', () => {
  it('re-renders only the edited page', () => {
    const plan = graph().plan([['/c/content/w1/a.ipynb', 'change']])
    expect(plan).toEqual({full: false, rediscover: false, pages: new Set(['w1/a.ipynb']), layouts: true})
  })

  it('re-renders every page that uses a changed image', () => {
    expect(graph().plan([['/c/content/w1/img/plot.png', 'change']]).pages).toEqual(new Set(['w1/a.ipynb', 'w1/c.md']))
  })

  it('rediscovers on an added page and re-renders no other body unless it was linked to', () => {
    const plan = graph().plan([['/c/content/w1/new.md', 'add']])
    expect(plan.rediscover).toBe(true)
    expect(plan.pages).toEqual(new Set())
    // A page that linked to the missing file records it as a dependency, so it is re-rendered.
    const g = graph()
    g.setPage('w2/b.md', '/c/content/w2/b.md', ['/c/content/w1/new.md'])
    expect(g.plan([['/c/content/w1/new.md', 'add']]).pages).toEqual(new Set(['w2/b.md']))
  })

  it('rediscovers on a removed page, and re-renders the pages that linked to it', () => {
    const plan = graph().plan([['/c/content/w2/b.md', 'unlink']])
    expect(plan.rediscover).toBe(true)
    expect(plan.pages).toEqual(new Set(['w1/a.ipynb']))
  })

  it('re-renders a unit\'s pages when its metadata changes, since they inherit it', () => {
    const plan = graph().plan([['/c/content/w1/_unit.yml', 'change']])
    expect(plan.rediscover).toBe(true)
    expect(plan.pages).toEqual(new Set(['w1/a.ipynb', 'w1/c.md']))
    expect(graph().plan([['/c/content/w2/index.md', 'change']]).pages).toEqual(new Set(['w2/b.md']))
  })

  it('re-applies layouts only for a theme change', () => {
    expect(graph().plan([['/c/themes/default/assets/theme.css', 'change']])).toEqual({full: false, rediscover: false, pages: new Set(), layouts: true})
  })

  it('rebuilds everything when the config or a file it imports changes', () => {
    expect(graph().plan([['/c/macros.ts', 'change']]).full).toBe(true)
    expect(graph().plan([['/c/site.config.ts', 'change']]).full).toBe(true)
  })

  it('forgets a removed page', () => {
    const g = graph()
    g.removePage('w1/a.ipynb')
    expect(g.plan([['/c/content/w2/b.md', 'change']]).pages).toEqual(new Set(['w2/b.md']))
    expect(g.plan([['/c/content/w1/img/plot.png', 'change']]).pages).toEqual(new Set(['w1/c.md']))
  })
})

import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {discoverCourse} from '../../src/load/discover.js'
import {configFromObject} from '../../src/config/load.js'
import type {Diagnostic} from '../../src/diagnostics/report.js'

function makeCourse(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cb-discover-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), {recursive: true})
    writeFileSync(join(root, 'content', path), text)
  }
  const diagnostics: Diagnostic[] = []
  const resolved = configFromObject({code: 'X', title: 'T', ...config}, root)
  return {root, diagnostics, course: () => discoverCourse(resolved, (d) => diagnostics.push(d))}
}

describe('discoverCourse', () => {
  it('orders units and pages by numeric prefix, not by character', () => {
    const {course} = makeCourse({
      'week-10-late/01-a.md': '# A',
      'week-2-early/10-z.md': '# Z',
      'week-2-early/2-b.ipynb': '{}',
    })
    const c = course()
    expect(c.units.map((u) => u.dir)).toEqual(['week-2-early', 'week-10-late'])
    expect(c.units[0]!.pages.map((p) => p.relPath)).toEqual(['week-2-early/2-b.ipynb', 'week-2-early/10-z.md'])
  })

  it('gives clean slugs to OU-style file names and keeps subfolders in the URL', () => {
    const {course} = makeCourse({'Week 1/03.1 The model (optional).ipynb': '{}', 'Week 1/extras/Further Reading.md': ''})
    const pages = course().pages
    expect(pages.map((p) => p.outPath)).toEqual(['week-1/03-1-the-model-optional.html', 'week-1/extras/further-reading.html'])
  })

  it('ignores checkpoints, dotfiles and _build, and takes index.md as the unit intro', () => {
    const {course} = makeCourse({
      'week-01/.ipynb_checkpoints/a-checkpoint.ipynb': '{}',
      'week-01/.hidden.md': '',
      'week-01/_build/x.md': '',
      'week-01/index.md': '---\ntitle: Getting started\nstudy_time: 2h 30m\nlearning_outcomes: [one, two]\n---\nWelcome.',
      'week-01/a.md': '',
    })
    const [unit] = course().units
    expect(unit!.pages.map((p) => p.relPath)).toEqual(['week-01/a.md'])
    expect(unit!.title).toBe('Getting started')
    expect(unit!.studyTime).toBe(150)
    expect(unit!.learningOutcomes).toEqual(['one', 'two'])
    expect(unit!.intro?.source.trim()).toBe('Welcome.')
  })

  it('reads _unit.yml and passes its other keys to pages as inherited metadata', () => {
    const {course} = makeCourse({'w1/_unit.yml': 'title: Signals\nsummary: Sampling.\nbinder: false\n', 'w1/a.md': ''})
    const [unit] = course().units
    expect(unit).toMatchObject({title: 'Signals', summary: 'Sampling.', meta: {binder: false}})
  })

  it('follows the units list and warns about a unit that does not exist', () => {
    const {course, diagnostics} = makeCourse({'b/x.md': '', 'a/y.md': ''}, {units: ['b', 'missing', 'a']})
    expect(course().units.map((u) => u.dir)).toEqual(['b', 'a'])
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['unit-unknown'])
  })

  it('gives clashing page slugs a suffix with a warning', () => {
    const {course, diagnostics} = makeCourse({'w/A b.md': '', 'w/a-b.md': ''})
    expect(course().pages.map((p) => p.outPath).sort()).toEqual(['w/a-b-2.html', 'w/a-b.html'])
    expect(diagnostics[0]).toMatchObject({ruleId: 'page-slug-duplicate', severity: 'warning'})
  })

  it('does not follow a symbolic-link loop', () => {
    const {root, course, diagnostics} = makeCourse({'w/a.md': ''})
    symlinkSync(join(root, 'content', 'w'), join(root, 'content', 'w', 'loop'))
    expect(course().pages.map((p) => p.relPath)).toEqual(['w/a.md'])
    expect(diagnostics.map((d) => d.ruleId)).toContain('path-ignored')
  })

  it('fails with a named error when the content folder is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'cb-empty-'))
    const config = configFromObject({code: 'X', title: 'T'}, root)
    expect(() => discoverCourse(config, () => undefined)).toThrow(/Content folder .* does not exist/)
  })
})

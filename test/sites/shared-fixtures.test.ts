import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {select} from 'hast-util-select'
import {buildCourse, readPage, sharedFixtures, tempCourse} from './helpers.js'
import type {BuildResult} from '../../src/pipeline/run.js'
import type {PageResult} from '../../src/pipeline/types.js'

const folders = ['notebooks', 'edge']

function notebooksUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return notebooksUnder(path)
    return name.endsWith('.ipynb') ? [path] : []
  })
}

/** The oracle, independent of coursebook's parser: JSON that claims nbformat 3 or 4 should become a page. */
function shouldBecomePage(path: string): boolean {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as {nbformat?: unknown}
    return json.nbformat === 3 || json.nbformat === 4
  } catch {
    return false
  }
}

describe.skipIf(!existsSync(sharedFixtures))('every shared fixture notebook as one course', () => {
  const course = tempCourse('cb-shared-')
  let result: BuildResult
  let notebooks: string[]
  let built: Map<string, PageResult>
  beforeAll(async () => {
    // Each fixture folder becomes a unit, copied whole so relative images resolve.
    for (const folder of folders) course.copy(join(sharedFixtures, folder), folder)
    result = await buildCourse(course.root)
    notebooks = folders.flatMap((f) => notebooksUnder(join(course.root, 'content', f)))
    built = new Map(result.pages.map((p) => [p.source.path, p]))
  })

  it('finds all the notebooks', () => {
    expect(notebooks.length).toBeGreaterThan(100)
  })

  it('builds every notebook that is nbformat 3 or 4 JSON into a page with a title and a body', () => {
    const missing = notebooks.filter((n) => shouldBecomePage(n) && !built.has(n))
    expect(missing.map((n) => relative(course.root, n))).toEqual([])
    for (const page of result.pages.filter((p) => p.source.kind === 'notebook')) {
      const tree = readPage(result, page.source.outPath)
      expect(select('main h1', tree), page.source.relPath).toBeTruthy()
      expect(select('main article', tree) ?? select('main', tree), page.source.relPath).toBeTruthy()
    }
  })

  it('gives every notebook that cannot be read an error naming the file', () => {
    for (const path of notebooks.filter((n) => !shouldBecomePage(n))) {
      const errors = result.diagnostics.filter((d) => d.file === path && d.severity === 'error')
      expect(errors.length, relative(course.root, path)).toBeGreaterThan(0)
    }
  })

  it('reports schema problems in the nbformat edge cases by file and cell', () => {
    for (const name of ['invalid.ipynb', 'invalid_cell_id.ipynb', 'invalid_unique_cell_id.ipynb']) {
      const path = join(course.root, 'content', 'edge', 'nbformat', name)
      const found = result.diagnostics.filter((d) => d.file === path && d.ruleId === 'notebook-schema-invalid')
      expect(found.length, name).toBeGreaterThan(0)
    }
  })

  it('never lets a raw ANSI escape reach a page', () => {
    for (const page of result.pages) {
      expect(readFileSync(join(result.outPath, page.source.outPath), 'utf8').includes('\x1b'), page.source.relPath).toBe(false)
    }
  })
})

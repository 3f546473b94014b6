import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {expectationFiles, formatRun, runPageFixture} from './page-fixture-format.js'

// Page-level fixtures: each test/fixtures/page/<case>/ holds input.ipynb or
// input.md (plus any files it links to) and the expected output.html,
// messages.txt and assets.txt. The case is copied into a temporary course as
// content/unit/ and run through the real page pipeline (processPage); see
// page-fixture-format.ts for how each file is written. `UPDATE=1` rewrites the
// expectations, to be reviewed in the diff.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/page')
const cases = existsSync(root)
  ? readdirSync(root).filter((name) => ['input.ipynb', 'input.md'].some((input) => existsSync(path.join(root, name, input)))).sort()
  : []

/**
 * Cases that show a bug in coursebook. Their expectation files hold the
 * correct output, written by hand, so they fail until the bug is fixed; then
 * `it.fails` fails, and the entry should be removed. UPDATE=1 only writes the
 * files such a case does not have yet, as a start for correcting by hand.
 */
const knownBugs: Record<string, string> = {}

const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, {recursive: true, force: true})
})

describe('page fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  for (const name of cases) {
    const test = name in knownBugs ? it.fails : it
    test(name, async () => {
      const folder = path.join(root, name)
      const run = await runPageFixture(folder)
      temporary.push(run.root)
      const actual = formatRun(run)
      const missing = expectationFiles.filter((file) => !existsSync(path.join(folder, file)))
      if (process.env.UPDATE) {
        // A known bug's files hold the correct output, written by hand: only missing ones are started.
        const update = name in knownBugs ? missing : expectationFiles
        for (const file of update) writeFileSync(path.join(folder, file), actual[file])
        if (!(name in knownBugs)) return
      }
      if (missing.length > 0) {
        throw new Error(`${name} has no ${missing.join(', ')}: run \`UPDATE=1 npx vitest run test/page-fixtures.test.ts\` and review the files it writes`)
      }
      for (const file of expectationFiles) {
        expect(actual[file], `${name}/${file}`).toBe(readFileSync(path.join(folder, file), 'utf8'))
      }
    })
  }
})

import {afterAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseMagicCell} from '../../../src/transform/tikz/magic.js'
import {parseFence} from '../../../src/transform/tikz/fence.js'
import {closeEngines, renderDiagram} from '../../../src/transform/tikz/render.js'
import {latexAvailable} from '../../../src/transform/tikz/engines/detect.js'
import type {TikzSpec} from '../../../src/transform/tikz/spec.js'

/**
 * Every snippet of ../shared/fixtures/tikz rendered for real, with tikzjax and
 * (where installed) latex. Minutes of work, so only with COURSEBOOK_TIKZ_ALL=1.
 * INDEX.tsv says which compile with pdflatex (`ok`): all of those must render
 * with latex, and with tikzjax all but those needing a package it lacks.
 */
const dir = resolve(fileURLToPath(import.meta.url), '../../../../../shared/fixtures/tikz')
const wanted = process.env.COURSEBOOK_TIKZ_ALL === '1' && existsSync(join(dir, 'INDEX.tsv'))

type Snippet = {file: string; status: string; spec?: TikzSpec; not?: string}

function snippets(): Snippet[] {
  const status = new Map(
    readFileSync(join(dir, 'INDEX.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map((cols) => [cols[0]!, cols[5] ?? ''] as const),
  )
  return readdirSync(dir)
    .filter((file) => file.endsWith('.tex'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n')
      const body = lines.slice(lines.findIndex((line) => line.startsWith('% extracted verbatim')) + 1).join('\n')
      const entry: Snippet = {file, status: status.get(file) ?? ''}
      if (/^%%?[A-Za-z]/.test(body)) {
        // A notebook cell: a TikZ magic, or another magic (%%writefile) that draws nothing.
        const cell = parseMagicCell(body)
        if (cell.kind === 'diagram') entry.spec = cell.spec
        else entry.not = cell.kind === 'skip' ? `skipped: ${cell.reason}` : 'not a diagram'
      } else if (/^\s*(from |import |\w+ = r?"""|\{% raw %\})/.test(body)) {
        entry.not = 'Python code'
      } else {
        entry.spec = parseFence(body, '').spec
      }
      return entry
    })
}

afterAll(() => closeEngines())

describe.skipIf(!wanted)('every TikZ snippet in the shared fixtures', () => {
  const engines = ['tikzjax' as const, ...(latexAvailable() ? ['latex' as const] : [])]
  for (const engine of engines) {
    it(`renders with ${engine}`, async () => {
      const cacheDir = mkdtempSync(join(tmpdir(), `cb-tikz-${engine}-`))
      const all = snippets()
      const results = await Promise.all(
        all.map(async (snippet) => {
          if (!snippet.spec) return {...snippet, outcome: snippet.not!}
          const result = await renderDiagram(snippet.spec, {engine, timeoutMs: 120_000, preamble: '', cacheDir})
          if (result.kind !== 'done') return {...snippet, outcome: result.kind}
          if (result.error?.missing && result.error.missing.kind !== 'file') return {...snippet, outcome: `lacks ${result.error.missing.kind} ${result.error.missing.name}`}
          return {...snippet, outcome: result.error ? `TeX error: ${result.error.message}` : 'rendered'}
        }),
      )
      const count = (prefix: string) => results.filter((r) => r.outcome.startsWith(prefix)).length
      console.log(
        `${engine}: ${count('rendered')} rendered, ${count('TeX error')} TeX errors, ${count('lacks')} lacking a package, ` +
          `${results.length - count('rendered') - count('TeX error') - count('lacks')} skipped or not diagrams, of ${results.length}\n` +
          results.filter((r) => r.outcome !== 'rendered').map((r) => `  ${r.file}: ${r.outcome}`).join('\n'),
      )
      const compiles = results.filter((r) => r.status === 'ok' && r.spec)
      const unexpected = compiles.filter((r) => r.outcome !== 'rendered' && !(engine === 'tikzjax' && r.outcome.startsWith('lacks')))
      expect(unexpected.map((r) => `${r.file}: ${r.outcome}`)).toEqual([])
      expect(count('timeout') + count('crash')).toBe(0)
    }, 900_000)
  }
})

import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'
import {tempCourse} from '../sites/helpers.js'

function capture(): Output & {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  return {stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
}

function courseWith(config: string, files: Record<string, string>) {
  const course = tempCourse('cb-cli-')
  writeFileSync(join(course.root, 'site.config.ts'), config)
  for (const [path, text] of Object.entries(files)) course.write(path, text)
  return course.root
}

const okConfig = `export default {code: 'CLI1', title: 'CLI course', baseUrl: 'https://courses.example.org/cli1/'}\n`

describe('coursebook build', () => {
  it('builds, reports a summary and exits 0', async () => {
    const root = courseWith(okConfig, {'week-1/a.md': '# A\n\nText.'})
    const output = capture()
    expect(await main(['build', '--config', join(root, 'site.config.ts')], output)).toBe(0)
    expect(output.stderr.at(-1)).toBe('0 errors, 0 warnings, 0 info')
    expect(output.stdout[0]).toMatch(/^Built 1 pages \(\d+ files\) into .*dist\/ in [\d.]+ s\. Open .*dist\/index.html in a browser\.$/)
    expect(existsSync(join(root, 'dist/week-1/a.html'))).toBe(true)
  })

  it('prints each phase and its time with --timings, and nothing of the kind without it', async () => {
    const root = courseWith(okConfig, {'week-1/a.md': '# A\n\nText.'})
    const plain = capture()
    expect(await main(['build', '--config', join(root, 'site.config.ts')], plain)).toBe(0)
    expect(plain.stdout.some((l) => l.startsWith('Timings:'))).toBe(false)
    const timed = capture()
    expect(await main(['build', '--timings', '--config', join(root, 'site.config.ts')], timed)).toBe(0)
    const line = timed.stdout.find((l) => l.startsWith('Timings:'))!
    const phases = [...line.matchAll(/(?:: |, )([a-zA-Z -]+?) (\d+) ms/g)].map((m) => m[1])
    expect(phases).toEqual(expect.arrayContaining(['config', 'discover', 'pages', 'layouts', 'write']))
    expect(phases.indexOf('pages')).toBeLessThan(phases.indexOf('write'))
  })

  it('prints a warning as path › line:col  message  [rule-id] and fails only with --strict', async () => {
    const root = courseWith(okConfig, {'week-1/a.md': '# A\n\nSee ![chart](missing.png).'})
    const lenient = capture()
    expect(await main(['build', '--config', join(root, 'site.config.ts')], lenient)).toBe(0)
    const [line, hint] = lenient.stderr.find((l) => l.includes('[image-missing]'))!.split('\n')
    expect(line).toMatch(/^warning .*content\/week-1\/a\.md › 3:5 {2}Image "missing\.png" does not exist {2}\[image-missing\]$/)
    expect(hint).toBe("        hint: Fix the path; it is resolved from the page's own folder.")
    const strict = capture()
    expect(await main(['build', '--strict', '--config', join(root, 'site.config.ts')], strict)).toBe(1)
  })

  it('names the notebook cell in a diagnostic', async () => {
    const notebook = JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: {},
      cells: [
        {cell_type: 'markdown', id: 'a', metadata: {}, source: '# T'},
        {cell_type: 'markdown', id: 'b', metadata: {}, source: 'Line one\n\nBad $\\frac{$ math'},
      ],
    })
    const root = courseWith(okConfig, {'week-1/n.ipynb': notebook})
    const output = capture()
    await main(['build', '--config', join(root, 'site.config.ts')], output)
    expect(output.stderr.find((l) => l.includes('[math-error]'))).toMatch(/n\.ipynb › cell 2 3:\d+ {2}Equation could not be typeset/)
  })

  it('exits 1 on a broken notebook but still builds the other pages', async () => {
    const root = courseWith(okConfig, {'week-1/a.md': '# A', 'week-1/b.ipynb': '{"cells": ['})
    const output = capture()
    expect(await main(['build', '--config', join(root, 'site.config.ts')], output)).toBe(1)
    expect(output.stderr.some((l) => l.includes('[notebook-json-invalid]'))).toBe(true)
    expect(existsSync(join(root, 'dist/week-1/a.html'))).toBe(true)
    expect(existsSync(join(root, 'dist/week-1/b.html'))).toBe(false)
  })

  it('stops on a config error before writing anything, leaving the previous site intact', async () => {
    const root = courseWith(okConfig, {'week-1/a.md': '# A'})
    await main(['build', '--config', join(root, 'site.config.ts')], capture())
    const before = readFileSync(join(root, 'dist/index.html'), 'utf8')
    writeFileSync(join(root, 'site.config.ts'), `export default {code: 'CLI1', title: 'CLI course', tittle: 'x'}\n`)
    mkdirSync(join(root, 'content/week-2'))
    writeFileSync(join(root, 'content/week-2/new.md'), '# New')
    const output = capture()
    expect(await main(['build', '--config', join(root, 'site.config.ts')], output)).toBe(1)
    expect(output.stderr[0]!.split('\n')[0]).toMatch(/^error .*site\.config\.ts › 1:\d+ {2}Unknown key `tittle`; did you mean `title`\? {2}\[config-invalid\]$/)
    expect(output.stderr).toContain('Nothing was written.')
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe(before)
    expect(existsSync(join(root, 'dist/week-2'))).toBe(false)
  })

  it('rejects unknown options and commands with a pointer to --help', async () => {
    const output = capture()
    expect(await main(['build', '--nope'], output)).toBe(1)
    expect(output.stderr[0]).toMatch(/--nope.*Run coursebook build --help\.$/)
    expect(await main(['frobnicate'], output)).toBe(1)
    expect(await main(['--version'], output)).toBe(0)
    expect(output.stdout.at(-1)).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

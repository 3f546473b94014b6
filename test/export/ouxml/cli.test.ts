import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {main} from '../../../src/cli/index.js'
import type {Output} from '../../../src/cli/output.js'
import {configFromObject} from '../../../src/config/load.js'
import {writeCourse} from './helpers.js'

function capture(): Output & {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  return {stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
}

function course(): string {
  const root = writeCourse({'week-1/a.md': '# A\n\nText.\n', 'week-2/b.md': '# B\n\n---\n\nText.\n'})
  writeFileSync(join(root, 'site.config.ts'), `export default {code: 'CLI2', title: 'CLI export'}\n`)
  return root
}

describe('coursebook export ouxml', () => {
  it('writes only the export, into <outDir>/ouxml by default, and says what it wrote', async () => {
    const root = course()
    const output = capture()
    expect(await main(['export', 'ouxml', '--config', join(root, 'site.config.ts'), '--no-cache'], output)).toBe(0)
    expect(readdirSync(join(root, 'dist'))).toEqual(['ouxml'])
    expect(readdirSync(join(root, 'dist/ouxml')).sort()).toEqual(['week-1.xml', 'week-1.zip', 'week-2.xml', 'week-2.zip'])
    expect(output.stdout.at(-1)).toMatch(/^Exported 2 OU-XML documents \(4 files\) into .*dist\/ouxml\/ in [\d.]+ s: week-1\.xml, week-2\.xml\.$/)
    expect(output.stderr.find((l) => l.includes('[ouxml-dropped]'))!.split('\n')[0]).toMatch(/^info {4}.*content\/week-2\/b\.md › 3:1 {2}A thematic break \(---\) has no OU-XML counterpart and was left out {2}\[ouxml-dropped\]$/)
  })

  it('exports the units named by --unit into the folder named by --out', async () => {
    const root = course()
    const out = join(mkdtempSync(join(tmpdir(), 'cb-cli-ouxml-')), 'vle')
    const output = capture()
    expect(await main(['export', 'ouxml', '--config', join(root, 'site.config.ts'), '--unit', 'week-2', '--out', out, '--no-cache'], output)).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['week-2.xml', 'week-2.zip'])
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('exports as on the date given by --now: a unit due later is left out, and in once its date has come', async () => {
    const root = course()
    writeFileSync(join(root, 'content/week-2/_unit.yml'), 'title: Week 2\nrelease: 2026-10-05\n')
    const config = join(root, 'site.config.ts')
    const before = capture()
    expect(await main(['export', 'ouxml', '--config', config, '--now', '2026-10-01', '--out', join(root, 'before'), '--no-cache'], before)).toBe(0)
    expect(readdirSync(join(root, 'before')).sort()).toEqual(['week-1.xml', 'week-1.zip'])
    const after = capture()
    expect(await main(['export', 'ouxml', '--config', config, '--now', '2026-10-05', '--unit', 'week-2', '--out', join(root, 'after'), '--no-cache'], after)).toBe(0)
    expect(readdirSync(join(root, 'after')).sort()).toEqual(['week-2.xml', 'week-2.zip'])
    const bad = capture()
    expect(await main(['export', 'ouxml', '--config', config, '--now', 'next week'], bad)).toBe(1)
    expect(bad.stderr).toEqual(['--now next week is not a date. Write it as YYYY-MM-DD, e.g. --now 2026-10-05.'])
  })

  it('fails with a named error for an unknown unit, and explains itself for an unknown format', async () => {
    const root = course()
    const unknownUnit = capture()
    expect(await main(['export', 'ouxml', '--config', join(root, 'site.config.ts'), '--unit', 'week-9'], unknownUnit)).toBe(1)
    expect(unknownUnit.stderr[0]).toBe('error     No unit "week-9"; the units are week-1, week-2  [ouxml-unit-unknown]\n        hint: Give a unit folder name or its slug, as listed in the message.')
    const unknownFormat = capture()
    expect(await main(['export', 'pdf'], unknownFormat)).toBe(1)
    expect(unknownFormat.stderr).toEqual(['Unknown export format "pdf"; the one format is ouxml. Run coursebook export --help.'])
  })

  it('has help with examples, also from coursebook --help', async () => {
    const help = capture()
    expect(await main(['export', '--help'], help)).toBe(0)
    expect(help.stdout[0]).toMatch(/^Usage: coursebook export ouxml \[DIR\] \[--config FILE\] \[--unit NAME\] \[--out DIR\] \[--validate\] \[--schema PATH\]/)
    expect(help.stdout[0]).toContain('Examples:\n  coursebook export ouxml\n')
    const top = capture()
    await main(['--help'], top)
    expect(top.stdout[0]).toContain('  export    write only the OU-XML export (coursebook export ouxml)')
  })

  it('rejects unknown ouxml config keys and values, naming them', () => {
    expect(() => configFromObject({code: 'X', title: 'Y', ouxml: {itemsPer: 'unit'}} as never, '/tmp')).toThrow('Unknown key `ouxml.itemsPer`; did you mean `itemPer`?')
    expect(() => configFromObject({code: 'X', title: 'Y', ouxml: {rendering: 'VLE'}} as never, '/tmp')).toThrow('`ouxml.rendering`:')
    const config = configFromObject({code: 'X', title: 'Y'}, '/tmp')
    expect(config.ouxml).toEqual({
      enabled: true,
      itemPer: 'unit',
      template: 'Generic_A4_Unnumbered',
      rendering: 'VLE2 staff (learn3)',
      discussionAlias: 'Discussion',
      vleglossary: 'auto',
      numberSessions: false,
      headings: 'sections',
      imagePathPrefix: '',
      htmlOutputs: 'package',
    })
  })
})

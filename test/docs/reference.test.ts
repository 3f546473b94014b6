import {describe, expect, it} from 'vitest'
import {configKeys, configReferenceMarkdown} from '../../src/config/reference.js'
import {contentRules, diagnosticsCatalogueMarkdown, namedErrors} from '../../src/diagnostics/catalogue.js'
import {rules} from '../../src/diagnostics/rule-ids.js'

describe('configuration reference', () => {
  const keys = configKeys()

  it('lists nested keys under their parents, with defaults and accepted values', () => {
    const byPath = new Map(keys.map((k) => [k.path, k]))
    expect(byPath.get('code')?.required).toBe(true)
    expect(byPath.get('tikz.engine')?.type).toBe('"auto" \\| "tikzjax" \\| "latex"')
    expect(byPath.get('tikz.engine')?.default).toBe('"auto"')
    expect(byPath.get('authors')?.type).toBe('(string \\| object)[]')
    expect(keys.findIndex((k) => k.path === 'ouxml')).toBeLessThan(keys.findIndex((k) => k.path === 'ouxml.enabled'))
  })

  it('describes every key, so the generated page leaves no reader guessing', () => {
    expect(keys.filter((k) => !k.description).map((k) => k.path)).toEqual([])
  })

  it('renders one table row per key', () => {
    const rows = configReferenceMarkdown().split('\n').filter((line) => line.startsWith('| `'))
    expect(rows).toHaveLength(keys.length)
  })
})

describe('diagnostics catalogue', () => {
  it('lists every content rule and every named error', () => {
    const page = diagnosticsCatalogueMarkdown()
    expect(contentRules()).toHaveLength(Object.keys(rules).length)
    for (const id of Object.keys(rules)) expect(page).toContain(`| \`${id}\` |`)
    expect(namedErrors().map((e) => e.name)).toContain('config-invalid')
    for (const error of namedErrors()) expect(page).toContain(`| \`${error.name}\` |`)
  })
})

import {describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadConfig} from '../../src/config/load.js'
import {CoursebookError} from '../../src/diagnostics/errors.js'

function configFile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-config-'))
  const path = join(dir, 'site.config.ts')
  writeFileSync(path, source)
  return path
}

async function failure(source: string): Promise<CoursebookError> {
  const error = await loadConfig(configFile(source)).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CoursebookError)
  return error as CoursebookError
}

describe('loadConfig', () => {
  it('loads a plain object with no import, applies defaults and resolves paths', async () => {
    const path = configFile(`export default {code: 'TM258', title: 'Dynamic systems', binder: {repo: 'a/b'}}\n`)
    const {config, dependencies} = await loadConfig(path)
    expect(config.code).toBe('TM258')
    expect(config.binder).toMatchObject({ref: 'main', provider: 'github', hub: 'https://mybinder.org', interface: 'lab'})
    expect(config.contentPath).toBe(join(path, '..', 'content'))
    expect(Object.isFrozen(config.binder)).toBe(true)
    expect(dependencies).toEqual([path])
  })

  it("resolves `import {defineConfig} from 'coursebook'` in a course folder outside this repository", async () => {
    const {config} = await loadConfig(configFile(`import {defineConfig} from 'coursebook'\nexport default defineConfig({code: 'OUT1', title: 'Elsewhere'})\n`))
    expect(config.code).toBe('OUT1')
  })

  it('calls a config that exports a function', async () => {
    const {config} = await loadConfig(configFile(`export default ({command}) => ({code: 'X1', title: command})\n`))
    expect(config.title).toBe('build')
  })

  it('names an unknown key, suggests the intended one, and gives its line', async () => {
    const error = await failure(`export default {\n  code: 'TM258',\n  title: 'T',\n  binder: {\n    repo: 'a/b',\n    reff: 'main',\n  },\n}\n`)
    expect(error.message).toBe('Unknown key `binder.reff`; did you mean `ref`?')
    expect(error.line).toBe(6)
    expect(error.ruleId).toBe('config-invalid')
  })

  it('names a key of the wrong type with what was expected', async () => {
    const error = await failure(`export default {code: 'TM258', title: 'T',\n  units: 'week-01'}\n`)
    expect(error.message).toMatch(/^`units`: .*expected array/i)
    expect(error.line).toBe(2)
  })

  it('reports a missing required key', async () => {
    const error = await failure(`export default {title: 'T'}\n`)
    expect(error.message).toMatch(/^`code`:/)
  })

  it('reports a config that throws, with the file and line', async () => {
    const path = configFile(`const x = 1\nthrow new Error('no course code yet')\nexport default {}\n`)
    const error = (await loadConfig(path).catch((e: unknown) => e)) as CoursebookError
    expect(error.message).toContain('no course code yet')
    expect(error.file).toBe(path)
    expect(error.line).toBe(2)
  })
})

import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {fromHtml} from 'hast-util-from-html'
import {parse as parseYaml} from 'yaml'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'

function capture(): Output & {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  return {stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
}

const flags = ['--code', 'TM999', '--title', 'Starter Course', '--presentation', '2027B', '--author', 'Dr A Tutor', '--repo', 'open-uni/tm999', '--yes']

describe('coursebook init', () => {
  it('creates a course that builds with --strict and no diagnostics but a note that its launch links were not checked outside git, with a working Binder link', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cb-init-')), 'tm999')
    const output = capture()
    expect(await main(['init', dir, ...flags], output)).toBe(0)
    expect(output.stdout[0]).toMatch(/^Created TM999 Starter Course in .*tm999\/ \(\d+ files\)\.$/)
    const build = capture()
    expect(await main(['build', '--strict', '--config', join(dir, 'site.config.ts')], build)).toBe(0)
    expect(build.stderr.at(-1)).toBe('0 errors, 0 warnings, 1 info')
    expect(build.stderr.filter((line) => /^info/.test(line))).toEqual([expect.stringMatching(/Launch links were not checked: .* is not in a git repository {2}\[launch-check-skipped\]\n/)])
    const page = fromHtml(readFileSync(join(dir, 'dist/week-01-getting-started/02-first-notebook.html'), 'utf8'))
    const href = new URL(String(select('a.button-binder', page)!.properties.href))
    expect(href.pathname).toBe('/v2/gh/open-uni/tm999/main')
    expect(href.searchParams.get('labpath')).toBe('content/week-01-getting-started/02-first-notebook.ipynb')
    expect(existsSync(join(dir, 'dist/week-01-getting-started/01-welcome.html'))).toBe(true)
    // The first-run checklist is for the course team only.
    expect(existsSync(join(dir, 'dist/week-01-getting-started/00-first-run-checklist.html'))).toBe(false)
    expect(readFileSync(join(dir, 'dist/week-01-getting-started/index.html'), 'utf8')).not.toContain('First-run checklist')
  })

  it('gives the course team a first-run checklist page with links built from the repository name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-init-team-'))
    await main(['init', dir, ...flags], capture())
    expect(await main(['build', '--strict', '--audience', 'team', '--config', join(dir, 'site.config.ts')], capture())).toBe(0)
    const page = fromHtml(readFileSync(join(dir, 'dist/week-01-getting-started/00-first-run-checklist.html'), 'utf8'))
    const hrefs = selectAll('main a', page).map((a) => String(a.properties.href))
    expect(hrefs).toContain('https://github.com/open-uni/tm999/settings/pages')
    expect(hrefs).toContain('https://open-uni.github.io/tm999/')
    expect(hrefs.some((h) => h.startsWith('https://mybinder.org/v2/gh/open-uni/tm999/main?labpath='))).toBe(true)
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('https://github.com/open-uni/tm999/settings/pages')
  })

  it('writes a Binder environment matching the starter notebook\'s imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-init-env-'))
    return main(['init', dir, ...flags], capture()).then(() => {
      const notebook = JSON.parse(readFileSync(join(dir, 'content/week-01-getting-started/02-first-notebook.ipynb'), 'utf8'))
      const imports = notebook.cells
        .filter((c: {cell_type: string}) => c.cell_type === 'code')
        .flatMap((c: {source: string}) => [...c.source.matchAll(/^import (\w+)/gm)].map((m) => m[1]))
      const requirements = readFileSync(join(dir, 'binder/requirements.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
      expect(new Set(imports)).toEqual(new Set(requirements))
    })
  })

  it('writes a GitHub Pages workflow that keeps the OU-XML as an artifact, or GitLab CI with --gitlab', async () => {
    const github = mkdtempSync(join(tmpdir(), 'cb-init-gh-'))
    await main(['init', github, ...flags], capture())
    const workflow = parseYaml(readFileSync(join(github, '.github/workflows/publish.yml'), 'utf8'))
    const steps = workflow.jobs.build.steps as Array<{uses?: string; run?: string; with?: {name?: string; path?: string}}>
    expect(steps.some((s) => s.run === 'npx coursebook build --strict')).toBe(true)
    expect(steps.find((s) => s.with?.name === 'ouxml')?.with?.path).toBe('dist/ouxml/')
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/)
    const gitlab = mkdtempSync(join(tmpdir(), 'cb-init-gl-'))
    await main(['init', gitlab, ...flags, '--gitlab'], capture())
    const pipeline = parseYaml(readFileSync(join(gitlab, '.gitlab-ci.yml'), 'utf8'))
    expect(pipeline.pages.artifacts.paths).toEqual(['public'])
    expect(readFileSync(join(gitlab, 'site.config.ts'), 'utf8')).toContain(`provider: "gitlab"`)
  })

  it('refuses to overwrite existing files, naming them, unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-init-full-'))
    writeFileSync(join(dir, 'README.md'), 'mine')
    writeFileSync(join(dir, 'site.config.ts'), 'mine')
    const output = capture()
    expect(await main(['init', dir, ...flags], output)).toBe(1)
    expect(output.stderr[0]).toMatch(/already has site\.config\.ts, README\.md\. Nothing was written; use --force to overwrite them\.$/)
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine')
    expect(existsSync(join(dir, 'content'))).toBe(false)
    expect(await main(['init', dir, ...flags, '--force'], capture())).toBe(0)
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('First-run checklist')
  })

  it('puts direct links built from the repository name in the first-run checklist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-init-readme-'))
    await main(['init', dir, ...flags], capture())
    const readme = readFileSync(join(dir, 'README.md'), 'utf8')
    expect(readme).toContain('https://github.com/open-uni/tm999/settings/pages')
    expect(readme).toContain('https://open-uni.github.io/tm999/')
    expect(readme).toContain('https://mybinder.org/v2/gh/open-uni/tm999/main?labpath=content%2Fweek-01-getting-started%2F02-first-notebook.ipynb')
  })
})

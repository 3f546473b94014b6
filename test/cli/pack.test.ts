import {describe, expect, it} from 'vitest'
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {select} from 'hast-util-select'
import {fromHtml} from 'hast-util-from-html'
import {projectRoot} from '../sites/helpers.js'

/**
 * The path a new user takes, from the package as the registry would serve
 * it: `npm pack`, install the tarball into an empty folder, `coursebook init`,
 * `coursebook build --strict`. Catches files missing from `files`, exports
 * that only work inside this repository, and dependencies left in
 * devDependencies.
 */
describe('the packed package', () => {
  it('installs into an empty folder, and its init and build make a working course', () => {
    const work = mkdtempSync(join(tmpdir(), 'cb-pack-'))
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
    const tarball = join(work, packed.trim().split('\n').at(-1)!)
    const contents = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n')
    expect(contents).toContain('package/lib/src/index.js')
    expect(contents).toContain('package/lib/bundle/cli.js')
    expect(contents).toContain('package/lib/bundle/core.cjs.cache')
    expect(contents).toContain('package/themes/default/assets/theme.css')
    expect(contents).toContain('package/themes/institutional/assets/institutional.css')
    expect(contents).toContain('package/CHANGELOG.md')
    expect(contents.some((f) => f.startsWith('package/test/') || f.startsWith('package/content/'))).toBe(false)

    const user = join(work, 'user')
    mkdirSync(user)
    const npm = (args: string[]) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {cwd: user, stdio: 'ignore'})
    npm(['init', '-y'])
    npm(['install', tarball])
    const bin = join(user, 'node_modules', '.bin', 'coursebook')
    expect(execFileSync(bin, ['--version'], {encoding: 'utf8'}).trim()).toMatch(/^\d+\.\d+\.\d+/)
    execFileSync(bin, ['init', 'course', '--code', 'TM999', '--title', 'Packed Course', '--presentation', '2027B', '--author', 'A Tutor', '--repo', 'open-uni/tm999', '--yes'], {cwd: user, stdio: 'ignore'})
    // The course's `import {defineConfig} from 'coursebook'` resolves to the installed package.
    const report = execFileSync(bin, ['build', '--strict', '--config', 'course/site.config.ts'], {cwd: user, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
    expect(report).toMatch(/Built \d+ pages/)

    const site = join(user, 'course', 'dist')
    expect(readdirSync(join(site, 'assets'))).toEqual(expect.arrayContaining(['katex', 'theme']))
    const page = fromHtml(readFileSync(join(site, 'week-01-getting-started', '02-first-notebook.html'), 'utf8'))
    const binder = new URL(String(select('a.button-binder', page)!.properties.href))
    expect(binder.searchParams.get('labpath')).toBe('content/week-01-getting-started/02-first-notebook.ipynb')
  }, 300_000)
})

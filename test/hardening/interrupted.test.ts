import {beforeAll, describe, expect, it} from 'vitest'
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {projectRoot} from '../sites/helpers.js'
import {siteFiles} from './helpers.js'
import {writeSiteAtomically} from '../../src/write/site.js'

/**
 * A build killed with SIGKILL while it writes the site must leave the
 * previous site byte for byte as it was, and the next build must succeed and
 * clear away what the killed one left.
 *
 * The builds run as a user runs them, `node bin/coursebook.js build`, in a
 * child process, from compiled JavaScript. bin/coursebook.js runs the lib/
 * beside it, so beforeAll compiles the current sources with
 * `tsc -p tsconfig.build.json` into a private folder,
 * node_modules/.cache/coursebook-interrupted/lib (incremental: seconds when
 * nothing changed), and copies bin/coursebook.js beside it. The project's own
 * lib/ is left alone: other tests and `npm run build` use it, and rewriting
 * it under them would race. From there, packages, package.json and the theme
 * are found by walking up into the project, as from lib/.
 */

const sandbox = join(projectRoot, 'node_modules', '.cache', 'coursebook-interrupted')
const bin = join(sandbox, 'bin', 'coursebook.js')
const IMAGES = 600

beforeAll(() => {
  const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  const args = ['-p', 'tsconfig.build.json', '--outDir', join(sandbox, 'lib'), '--incremental', '--tsBuildInfoFile', join(sandbox, 'lib', '.tsbuildinfo')]
  const compiled = spawnSync(process.execPath, [tsc, ...args], {cwd: projectRoot, encoding: 'utf8'})
  // Type errors still emit JavaScript; only a missing CLI stops these tests.
  expect(existsSync(join(sandbox, 'lib/src/cli/index.js')), compiled.stdout + compiled.stderr).toBe(true)
  mkdirSync(dirname(bin), {recursive: true})
  copyFileSync(join(projectRoot, 'bin', 'coursebook.js'), bin)
}, 180_000)

/** A course whose site has a few hundred files, so that writing it takes a while. */
function makeCourse(): string {
  const root = mkdtempSync(join(tmpdir(), 'cb-kill-'))
  writeFileSync(join(root, 'site.config.ts'), `export default {code: 'KILL1', title: 'Interrupted', ouxml: {enabled: false}}\n`)
  const unit = join(root, 'content', 'week-1')
  mkdirSync(join(unit, 'images'), {recursive: true})
  const image = Buffer.alloc(64 * 1024)
  const links: string[] = []
  for (let i = 0; i < IMAGES; i++) {
    image.writeUInt32BE(i, 0)
    writeFileSync(join(unit, 'images', `figure-${i}.png`), image)
    links.push(`![Figure ${i}](images/figure-${i}.png)`)
  }
  writeFileSync(join(unit, '01-figures.md'), `# Figures\n\n${links.join('\n\n')}\n`)
  writeFileSync(join(unit, '02-notes.md'), '# Notes, first edition\n\nText.\n')
  return root
}

function cli(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, 'build', '--config', join(root, 'site.config.ts'), ...args], {cwd: root, encoding: 'utf8'})
}

/** Every file of the site with the SHA-256 of its bytes. */
function snapshot(root: string, dist = 'dist'): Record<string, string> {
  return Object.fromEntries(siteFiles(root, dist).map((f) => [f, createHash('sha256').update(readFileSync(join(root, dist, f))).digest('hex')]))
}

const leftovers = (root: string) => readdirSync(root).filter((name) => /^dist\.(tmp|old)-/.test(name))

/** Start a build and SIGKILL it the moment its staging folder appears; resolves once it has died. */
function buildAndKillMidWrite(root: string): Promise<{signal: NodeJS.Signals | null; stagingSeen: string | undefined}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build', '--config', join(root, 'site.config.ts')], {cwd: root, stdio: 'ignore'})
    let stagingSeen: string | undefined
    const kill = (name: string | null) => {
      if (stagingSeen || !name?.startsWith('dist.tmp-')) return
      stagingSeen = name
      child.kill('SIGKILL')
    }
    const watcher = watch(root, (_event, name) => kill(name))
    // Belt and braces: also look, in case an event is coalesced.
    const poll = setInterval(() => readdirSync(root).forEach(kill), 2)
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      watcher.close()
      clearInterval(poll)
      resolve({signal, stagingSeen})
    })
  })
}

describe('a build killed while it writes the site', () => {
  it('leaves the previous dist/ byte for byte as it was; the next build succeeds and clears the leftovers', async () => {
    const root = makeCourse()
    const first = cli(root)
    expect(first.status, first.stderr).toBe(0)
    const before = snapshot(root)
    expect(Object.keys(before).length).toBeGreaterThan(IMAGES)

    writeFileSync(join(root, 'content/week-1/02-notes.md'), '# Notes, second edition\n\nText.\n')
    const killed = await buildAndKillMidWrite(root)
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.stagingSeen, 'the build was killed while its staging folder existed').toBeDefined()
    // Killed part-way: its staging folder is still there, half written.
    expect(leftovers(root)).toContain(killed.stagingSeen)
    expect(snapshot(root)).toEqual(before)

    const next = cli(root)
    expect(next.status, next.stderr).toBe(0)
    expect(leftovers(root)).toEqual([])
    expect(readFileSync(join(root, 'dist/week-1/02-notes.html'), 'utf8')).toContain('Notes, second edition')

    // The page cache the killed build may have written is sound: a cached rebuild equals one from scratch.
    const fresh = cli(root, '--no-cache', '--out', 'dist-fresh')
    expect(fresh.status, fresh.stderr).toBe(0)
    expect(snapshot(root)).toEqual(snapshot(root, 'dist-fresh'))
    rmSync(root, {recursive: true, force: true})
  }, 120_000)

  it('killed while rendering, before anything is written: the previous site stays, and nothing is left behind', async () => {
    const root = makeCourse()
    expect(cli(root).status).toBe(0)
    const before = snapshot(root)
    const child = spawn(process.execPath, [bin, 'build', '--config', join(root, 'site.config.ts')], {cwd: root, stdio: 'ignore'})
    // Node and the CLI take well over 50 ms to start, so this lands before the write begins.
    await new Promise((r) => setTimeout(r, 50))
    child.kill('SIGKILL')
    await new Promise((r) => child.on('exit', r))
    expect(snapshot(root)).toEqual(before)
    expect(cli(root).status).toBe(0)
    expect(leftovers(root)).toEqual([])
    rmSync(root, {recursive: true, force: true})
  }, 120_000)
})

describe('writeSiteAtomically after a kill between its two renames', () => {
  it('puts the previous site back when the output folder is missing, even if this write then fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cb-retired-'))
    const target = join(parent, 'site')
    // What a build killed after moving the old site aside, and before moving the new one in, leaves.
    const retired = join(parent, 'site.old-99999999-1700000000000')
    mkdirSync(retired)
    writeFileSync(join(retired, 'index.html'), 'the previous site')
    const failing = [{outPath: 'index.html', data: 'new'}, {outPath: 'missing.png', copyFrom: join(parent, 'does-not-exist.png')}]
    await expect(writeSiteAtomically(target, failing)).rejects.toThrow(/Writing the site to .* failed/)
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('the previous site')
    expect(readdirSync(parent)).toEqual(['site'])
  })
})

import {afterEach, describe, expect, it} from 'vitest'
import {existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {DevSession, type DevBuildReport} from '../../src/dev/session.js'
import {tempCourse} from '../sites/helpers.js'
import {build} from '../../src/pipeline/run.js'

const notebook = (text: string) =>
  JSON.stringify({nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{cell_type: 'markdown', id: 'a', metadata: {}, source: text}]})

let session: DevSession | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** Wait until the session has finished a build after `count` builds. */
async function nextBuild(reports: DevBuildReport[], count: number): Promise<DevBuildReport> {
  for (let i = 0; i < 400 && reports.length <= count; i++) await new Promise((r) => setTimeout(r, 25))
  await session!.settled()
  expect(reports.length, 'a rebuild happened').toBeGreaterThan(count)
  return reports.at(-1)!
}

describe('coursebook dev with a real watcher', () => {
  it('rebuilds only what each edit affects, and survives a broken config', async () => {
    const course = tempCourse('cb-dev-')
    course.write('week-1/a.ipynb', notebook('# Alpha\n\nFirst.'))
    course.write('week-1/b.md', '# Beta\n\nSee [alpha](a.ipynb).')
    course.write('week-2/c.md', '# Gamma')
    const configPath = join(course.root, 'site.config.ts')
    writeFileSync(configPath, `export default {code: 'DEV1', title: 'Dev course'}\n`)
    const reports: DevBuildReport[] = []
    session = new DevSession({configPath, port: 0, host: '127.0.0.1', onBuild: (r) => reports.push(r)})
    const url = await session.start()
    expect(reports[0]!.rendered.sort()).toEqual(['week-1/a.ipynb', 'week-1/b.md', 'week-2/c.md'])
    expect(await (await fetch(new URL('week-1/a.html', url))).text()).toContain('__coursebook/live.js')

    // Editing a notebook's body re-renders that page alone and rewrites only its HTML (and the search index, which holds its text).
    writeFileSync(join(course.root, 'content/week-1/a.ipynb'), notebook('# Alpha\n\nSecond.'))
    let report = await nextBuild(reports, 1)
    expect(report.rendered).toEqual(['week-1/a.ipynb'])
    expect(report.written.filter((p) => !p.startsWith('ouxml/')).sort()).toEqual(['assets/search/index.js', 'week-1/a.html', 'week-1/a.ipynb'])
    expect(readFileSync(join(course.root, 'dist/week-1/a.html'), 'utf8')).toContain('Second.')

    // Adding a page renders only it, and rewrites navigation on every page.
    course.write('week-2/d.md', '# Delta')
    report = await nextBuild(reports, 2)
    expect(report.rendered).toEqual(['week-2/d.md'])
    expect(report.written).toEqual(expect.arrayContaining(['week-2/d.html', 'week-1/a.html', 'week-1/b.html', 'index.html']))

    // Renaming a unit folder renders its pages under their new URLs and removes the old ones.
    const beforeRename = reports.length
    renameSync(join(course.root, 'content/week-2'), join(course.root, 'content/week-3'))
    await nextBuild(reports, beforeRename)
    // The folder's removal and arrival may come as separate events: let them settle.
    await new Promise((r) => setTimeout(r, 300))
    await session.settled()
    const rendered = reports.slice(beforeRename).flatMap((r) => r.rendered)
    expect(rendered).toEqual(expect.arrayContaining(['week-3/c.md', 'week-3/d.md']))
    expect(rendered).not.toContain('week-1/a.ipynb')
    expect(existsSync(join(course.root, 'dist/week-3/c.html'))).toBe(true)
    expect(existsSync(join(course.root, 'dist/week-2/c.html'))).toBe(false)

    // A broken config keeps the last good site served; fixing it rebuilds.
    const before = reports.length
    writeFileSync(configPath, `export default {code: 'DEV1', title: 'Dev course', colour: 'red'}\n`)
    report = await nextBuild(reports, before)
    expect(report.ok).toBe(false)
    expect(report.diagnostics[0]!.ruleId).toBe('config-invalid')
    expect((await fetch(new URL('week-1/a.html', url))).status).toBe(200)
    writeFileSync(configPath, `export default {code: 'DEV1', title: 'Dev course renamed'}\n`)
    report = await nextBuild(reports, before + 1)
    expect(report.ok).toBe(true)
    expect(readFileSync(join(course.root, 'dist/index.html'), 'utf8')).toContain('Dev course renamed')
  })
})

describe('a build after a dev session', () => {
  it('finds the folder exactly as the session left it, and touches nothing', async () => {
    const course = tempCourse('cb-dev-then-build-')
    course.write('week-1/a.ipynb', notebook('# Alpha\n\nFirst.'))
    course.write('week-1/b.md', '# Beta')
    const configPath = join(course.root, 'site.config.ts')
    writeFileSync(configPath, `export default {code: 'DEV2', title: 'Dev then build'}\n`)
    // A file an older build left: the session's first, whole write leaves it out.
    mkdirSync(join(course.root, 'dist'), {recursive: true})
    writeFileSync(join(course.root, 'dist', 'stale.html'), 'older')
    const reports: DevBuildReport[] = []
    session = new DevSession({configPath, port: 0, host: '127.0.0.1', onBuild: (r) => reports.push(r)})
    await session.start()
    expect(existsSync(join(course.root, 'dist', 'stale.html'))).toBe(false)
    writeFileSync(join(course.root, 'content/week-1/a.ipynb'), notebook('# Alpha\n\nSecond.'))
    await nextBuild(reports, 1)
    await session.close()
    session = undefined

    const files = siteFiles(join(course.root, 'dist'))
    const stamps = new Map(files.map((f) => [f, statSync(join(course.root, 'dist', f), {bigint: true})]))
    const folder = statSync(join(course.root, 'dist'), {bigint: true}).ino
    const result = await build({configPath})
    expect(result.rendered).toEqual([])
    // Not even replaced by a copy of itself (hard links would keep the files' own inodes).
    expect(statSync(join(course.root, 'dist'), {bigint: true}).ino).toBe(folder)
    expect(siteFiles(join(course.root, 'dist'))).toEqual(files)
    for (const [file, before] of stamps) {
      const after = statSync(join(course.root, 'dist', file), {bigint: true})
      expect([after.ino, after.mtimeNs], file).toEqual([before.ino, before.mtimeNs])
    }
    expect(readFileSync(join(course.root, 'dist/week-1/a.html'), 'utf8')).toContain('Second.')
  })
})

/** Every file under `dir`, relative, sorted. */
function siteFiles(dir: string): string[] {
  return (readdirSync(dir, {recursive: true}) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort()
}

describe('the dev server', () => {
  it('refuses paths that leave the site, in every encoding', async () => {
    const course = tempCourse('cb-dev-srv-')
    course.write('w/a.md', '# A')
    mkdirSync(join(course.root, 'secret'), {recursive: true})
    writeFileSync(join(course.root, 'secret/key.txt'), 'do not serve')
    const configPath = join(course.root, 'site.config.ts')
    writeFileSync(configPath, `export default {code: 'DEV2', title: 'Server'}\n`)
    session = new DevSession({configPath, port: 0, host: '127.0.0.1'})
    const url = await session.start()
    const {port} = new URL(url)
    const raw = async (path: string) => {
      // fetch() normalises dots away, so send the request line as written.
      const net = await import('node:net')
      return new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
        let data = ''
        socket.on('data', (d) => (data += d))
        socket.on('end', () => resolve(data))
      })
    }
    for (const path of ['/../secret/key.txt', '/..%2fsecret%2fkey.txt', '/%2e%2e/secret/key.txt', '/w/..%5c..%5csecret/key.txt', '/%00']) {
      const response = await raw(path)
      expect(response, path).not.toContain('do not serve')
      expect(response.split('\r\n')[0], path).toMatch(/ 40[34] /)
    }
    expect((await raw('/w/a.html')).split('\r\n')[0]).toContain('200')
  })
})

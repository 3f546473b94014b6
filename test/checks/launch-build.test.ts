import {beforeAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import type {WriteState} from '../../src/write/changed.js'
import type {UserConfig} from '../../src/config/schema.js'
import {git, gitRepository, writeFiles} from './git-repo.js'

const notebook = (title: string) =>
  JSON.stringify({cells: [{cell_type: 'markdown', metadata: {}, source: [`# ${title}\n`]}], metadata: {kernelspec: {name: 'python3', display_name: 'Python 3'}}, nbformat: 4, nbformat_minor: 5})

/** A whole build of a course in a git repository: links pinned to its commit, menus in the page, checks once per build. */
describe('launch links in a build', () => {
  let root: string
  let commit: string
  let result: BuildResult
  const launch: UserConfig['launch'] = [
    {type: 'binder', repo: 'open-uni/tm258'},
    {type: 'jupyterhub', hub: 'https://hub.example.ac.uk', repo: 'open-uni/tm258', label: 'Open on the OU JupyterHub'},
    {type: 'colab', repo: 'open-uni/tm258'},
  ]
  const config = () => configFromObject({code: 'TM258', title: 'T', launch, launchOptions: {pin: true}}, root)
  const page = (outPath: string) => fromHtml(readFileSync(join(result.outPath, outPath), 'utf8'))

  beforeAll(async () => {
    root = gitRepository({
      'binder/requirements.txt': 'numpy\n',
      'content/week-1/01-intro.ipynb': notebook('Intro'),
      'content/week-1/02-reading.md': '# Reading\n\nText.\n',
    })
    commit = git(root, 'rev-parse', 'HEAD').trim()
    writeFiles(root, {'content/week-1/03-draft.ipynb': notebook('Draft')})
    result = await build({config: config(), outDir: mkdtempSync(join(tmpdir(), 'cb-launch-out-')), cache: false, workers: 0})
  })

  it('shows the first launcher as the button and the others in a menu that opens without JavaScript', () => {
    const tree = page('week-1/01-intro.html')
    const main = select('.launch > a.button-launch', tree)!
    expect(toString(main)).toBe('Launch on Binder')
    expect(main.properties.href).toBe(`https://mybinder.org/v2/gh/open-uni/tm258/${commit}?labpath=content%2Fweek-1%2F01-intro.ipynb`)
    const menu = select('.launch details.launch-more', tree)!
    expect(toString(select('summary', menu)!)).toBe('More ways to run it')
    expect(selectAll('li a', menu).map((a) => [toString(a), String(a.properties.href)])).toEqual([
      ['Open on the OU JupyterHub', 'https://hub.example.ac.uk/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fopen-uni%2Ftm258&branch=main&urlpath=lab%2Ftree%2Ftm258%2Fcontent%2Fweek-1%2F01-intro.ipynb'],
      ['Open in Colab', `https://colab.research.google.com/github/open-uni/tm258/blob/${commit}/content/week-1/01-intro.ipynb`],
    ])
    expect(selectAll('script', tree)).toEqual([])
    expect(select('.launch', page('week-1/02-reading.html'))).toBeUndefined()
  })

  it('warns about the uncommitted notebook at the pinned commit (Binder, Colab) and on the branch nbgitpuller pulls, and about nothing else', () => {
    const launchProblems = result.diagnostics.filter((d) => d.ruleId.startsWith('launch-'))
    const draft = join(root, 'content/week-1/03-draft.ipynb')
    expect(launchProblems.map((d) => [d.ruleId, d.file])).toEqual([['launch-path-missing', draft], ['launch-path-missing', draft]])
    expect(launchProblems[0]!.message).toMatch(new RegExp(`at commit ${commit.slice(0, 12)}, so its launch links open nothing: https://mybinder\\.org/\\S+ and https://colab\\.research\\.google\\.com/`))
    expect(launchProblems[1]!.message).toMatch(/at "main", so its launch link opens nothing: https:\/\/hub\.example\.ac\.uk\//)
  })

  it('skips the checks in a dev rebuild after the first, and keeps the pinned links', async () => {
    const writeState: WriteState = new Map([['index.html', 'x']])
    const again = await build({config: config(), outDir: mkdtempSync(join(tmpdir(), 'cb-launch-out-')), cache: false, workers: 0, writeState})
    expect(again.diagnostics.filter((d) => d.ruleId.startsWith('launch-'))).toEqual([])
    expect(again.pages.find((p) => p.source.relPath === 'week-1/01-intro.ipynb')!.launch![0]!.url).toContain(commit)
  })
})

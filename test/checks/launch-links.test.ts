import {beforeAll, describe, expect, it, vi} from 'vitest'
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {validateConfig} from '../../src/config/load.js'
import {launchSetup} from '../../src/transform/launch/setup.js'
import {checkLaunchLinks} from '../../src/checks/launch-links.js'
import type {Diagnostic} from '../../src/diagnostics/report.js'
import {git, gitRepository, launchedPage, writeFiles} from './git-repo.js'

// Count git processes: the checks must not start one per page.
vi.mock('node:child_process', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:child_process')>()
  return {...original, spawn: vi.fn(original.spawn)}
})

const NOTEBOOK = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
const setupOf = (extra: Record<string, unknown>) => launchSetup(validateConfig({code: 'TM258', title: 'T', ...extra}))
const binder = (extra: Record<string, unknown> = {}) => setupOf({launch: [{type: 'binder', repo: 'open-uni/tm258', ...extra}]})
const brief = (diagnostics: Diagnostic[], root: string) =>
  diagnostics.map((d) => ({ruleId: d.ruleId, severity: d.severity, file: d.file?.replace(root, '<repo>'), line: d.line, message: d.message.split(root).join('<repo>')}))

describe('launch-link checks in a git repository', () => {
  let root: string
  let content: string
  const pages = () => ['week-1/01 intro é.ipynb', 'week-1/02-model.ipynb', 'week-2/new.ipynb'].map((p) => launchedPage(content, p))

  beforeAll(() => {
    root = gitRepository({
      'binder/requirements.txt': 'numpy\nmatplotlib\n',
      'content/week-1/01 intro é.ipynb': NOTEBOOK,
      'content/week-1/02-model.ipynb': NOTEBOOK,
    })
    content = join(root, 'content')
    // Written but never committed: Binder cannot open it.
    writeFiles(root, {'content/week-2/new.ipynb': NOTEBOOK})
    git(root, 'tag', 'v1')
    git(root, 'update-ref', 'refs/remotes/origin/2026J', 'HEAD')
  })

  it('reports a page whose notebook is not committed at the ref, naming the page and its link', async () => {
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: content, pages: pages()})
    expect(brief(diagnostics, root)).toEqual([
      {
        ruleId: 'launch-path-missing',
        severity: 'warning',
        file: '<repo>/content/week-2/new.ipynb',
        line: undefined,
        message: 'content/week-2/new.ipynb is not in open-uni/tm258 at "main", so its launch link opens nothing: https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fweek-2%2Fnew.ipynb',
      },
    ])
  })

  it('accepts a tag and an origin/ branch as the ref', async () => {
    for (const ref of ['v1', '2026J']) {
      const diagnostics = await checkLaunchLinks({setup: binder({ref}), contentDir: content, pages: pages().slice(0, 2)})
      expect(diagnostics).toEqual([])
    }
  })

  it('reports a ref the repository does not have once, at its line in the config, with a page and its link', async () => {
    const source = `export default {\n  code: 'TM258',\n  title: 'T',\n  launch: [\n    {type: 'colab', repo: 'open-uni/tm258', ref: 'main'},\n    {type: 'binder', repo: 'open-uni/tm258', ref: 'release'},\n  ],\n}\n`
    const setup = setupOf({launch: [{type: 'colab', repo: 'open-uni/tm258', ref: 'main'}, {type: 'binder', repo: 'open-uni/tm258', ref: 'release'}]})
    const diagnostics = await checkLaunchLinks({setup, contentDir: content, pages: pages().slice(0, 2), config: {file: '/course/site.config.ts', source}})
    expect(brief(diagnostics, root)).toEqual([
      {
        ruleId: 'launch-ref-missing',
        severity: 'warning',
        file: '/course/site.config.ts',
        line: 6,
        message:
          'Binder: "release" is not a branch, tag, origin/ branch or commit of the repository at <repo>, so the launch links of 2 pages are broken; for example week-1/01 intro é.ipynb links to https://mybinder.org/v2/gh/open-uni/tm258/release?labpath=content%2Fweek-1%2F01%20intro%20%C3%A9.ipynb',
      },
    ])
  })

  it('checks every page with one git cat-file --batch-check process, whatever the number of pages', async () => {
    const many = Array.from({length: 300}, (_, i) => launchedPage(content, `week-9/page-${i}.ipynb`))
    const spawned = vi.mocked(spawn)
    spawned.mockClear()
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: content, pages: [...pages(), ...many]})
    expect(diagnostics.filter((d) => d.ruleId === 'launch-path-missing')).toHaveLength(301)
    const gitArgs = spawned.mock.calls.map((call) => (call[1] as string[])[0])
    expect(gitArgs.filter((command) => command === 'cat-file')).toHaveLength(1)
    expect(gitArgs.length).toBeLessThanOrEqual(4)
  })

  it('says the content folder is elsewhere when launchOptions.contentPath does not match the repository', async () => {
    const setup = setupOf({launch: [{type: 'binder', repo: 'open-uni/tm258'}], launchOptions: {contentPath: 'course'}})
    const [first] = await checkLaunchLinks({setup, contentDir: content, pages: pages().slice(1, 2)})
    expect(first!.message).toBe(
      'course/week-1/02-model.ipynb is not in open-uni/tm258 at "main" (the content folder is at "content" in this repository, but the launch settings say "course"), so its launch link opens nothing: https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=course%2Fweek-1%2F02-model.ipynb',
    )
  })

  it('checks pinned links at the commit, where an uncommitted notebook is missing too', async () => {
    const commit = git(root, 'rev-parse', 'HEAD').trim()
    const diagnostics = await checkLaunchLinks({setup: setupOf({launch: [{type: 'binder', repo: 'open-uni/tm258'}], launchOptions: {pin: true}}), contentDir: content, pages: pages(), commit})
    expect(diagnostics.map((d) => d.message)).toEqual([
      `content/week-2/new.ipynb is not in open-uni/tm258 at commit ${commit.slice(0, 12)}, so its launch link opens nothing: https://mybinder.org/v2/gh/open-uni/tm258/${commit}?labpath=content%2Fweek-2%2Fnew.ipynb`,
    ])
  })

  it('checks the branch of every launcher that reads this repository, one warning per page naming each broken link', async () => {
    const setup = setupOf({
      launch: [
        {type: 'binder', repo: 'open-uni/tm258'},
        {type: 'jupyterhub', hub: 'https://hub.example.ac.uk', repo: 'https://github.com/open-uni/tm258.git'},
        {type: 'jupyterlite', url: 'https://open-uni.github.io/lite'},
        {type: 'colab', repo: 'open-uni/tm258'},
      ],
    })
    const diagnostics = await checkLaunchLinks({setup, contentDir: content, pages: pages()})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]!.message).toBe(
      'content/week-2/new.ipynb is not in open-uni/tm258 at "main", so its launch links open nothing: https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fweek-2%2Fnew.ipynb and https://hub.example.ac.uk/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fopen-uni%2Ftm258.git&branch=main&urlpath=lab%2Ftree%2Ftm258%2Fcontent%2Fweek-2%2Fnew.ipynb and https://colab.research.google.com/github/open-uni/tm258/blob/main/content/week-2/new.ipynb',
    )
  })
})

describe('Binder environment checks', () => {
  const pageIn = (root: string) => [launchedPage(join(root, 'content'), 'w/a.ipynb')]

  it('reports a repository with no environment file at the ref', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK, 'README.md': '# Course\n'})
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: pageIn(root)})
    expect(brief(diagnostics, root)).toEqual([
      {
        ruleId: 'launch-environment-missing',
        severity: 'warning',
        file: undefined,
        line: undefined,
        message:
          'Binder: open-uni/tm258 has no Binder environment at "main" (none of requirements.txt, environment.yml, Pipfile, setup.py, Project.toml, runtime.txt, apt.txt, postBuild, Dockerfile in the root, binder/ or .binder/), so Binder starts a bare Python without the notebooks\' packages; for example w/a.ipynb links to https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fw%2Fa.ipynb',
      },
    ])
  })

  it('finds an environment in the root, in binder/ or in .binder/, at the ref and not in the working tree', async () => {
    for (const file of ['requirements.txt', 'binder/environment.yml', '.binder/postBuild', 'Project.toml']) {
      const root = gitRepository({'content/w/a.ipynb': NOTEBOOK, [file]: 'x\n'})
      expect(await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: pageIn(root)}), file).toEqual([])
    }
    const uncommitted = gitRepository({'content/w/a.ipynb': NOTEBOOK})
    writeFiles(uncommitted, {'binder/requirements.txt': 'numpy\n'})
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(uncommitted, 'content'), pages: pageIn(uncommitted)})
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['launch-environment-missing'])
  })

  it('ignores files in the root when a binder/ folder exists, as repo2docker does', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK, 'requirements.txt': 'numpy\n', 'binder/README.md': 'Environment notes\n'})
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: pageIn(root)})
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['launch-environment-missing'])
  })

  it('says once that a separate environment repository was not checked, and still checks the content repository', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK})
    const setup = setupOf({launch: [{type: 'binder', repo: 'open-uni/tm258-env', content: {repo: 'open-uni/tm258', branch: 'main'}}]})
    const diagnostics = await checkLaunchLinks({setup, contentDir: join(root, 'content'), pages: [...pageIn(root), launchedPage(join(root, 'content'), 'w/b.ipynb')]})
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['launch-check-skipped', 'info'],
      ['launch-path-missing', 'warning'],
    ])
    expect(diagnostics[0]!.message).toBe('The Binder environment of open-uni/tm258-env at "main" was not checked: it is another repository, and the build does not go online')
    expect(diagnostics[1]!.message).toContain('content/w/b.ipynb is not in open-uni/tm258 at "main"')
  })
})

describe('when the links cannot be checked', () => {
  it('a content folder outside git is one info, not a failure', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cb-no-git-'))
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: folder, pages: [launchedPage(folder, 'a.ipynb'), launchedPage(folder, 'b.ipynb')]})
    expect(diagnostics).toEqual([
      {severity: 'info', ruleId: 'launch-check-skipped', message: `Launch links were not checked: ${folder} is not in a git repository`, hint: expect.any(String), file: undefined},
    ])
  })

  it('no git installed is one info, not a failure', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK})
    const path = process.env.PATH
    process.env.PATH = join(root, 'no-such-bin')
    try {
      const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: [launchedPage(join(root, 'content'), 'w/a.ipynb')]})
      expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([['launch-check-skipped', 'info', 'Launch links were not checked: git is not installed']])
    } finally {
      process.env.PATH = path
    }
  })

  it('a clone of another repository is not checked against these links', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK})
    git(root, 'remote', 'add', 'origin', 'git@github.com:someone-else/other-course.git')
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: [launchedPage(join(root, 'content'), 'w/missing.ipynb')]})
    expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['launch-check-skipped', 'The Binder links to open-uni/tm258 were not checked: the content folder is in another repository (git@github.com:someone-else/other-course.git)'],
      ['launch-check-skipped', 'The Binder environment of open-uni/tm258 at "main" was not checked: it is another repository, and the build does not go online'],
    ])
  })

  it('a clone whose origin is the configured repository (ssh or https) is checked', async () => {
    const root = gitRepository({'content/w/a.ipynb': NOTEBOOK, 'binder/requirements.txt': 'numpy\n'})
    git(root, 'remote', 'add', 'origin', 'git@github.com:Open-Uni/TM258.git')
    const diagnostics = await checkLaunchLinks({setup: binder(), contentDir: join(root, 'content'), pages: [launchedPage(join(root, 'content'), 'w/missing.ipynb')]})
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['launch-path-missing'])
  })

  it('JupyterLite links are not checked in git', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cb-no-git-'))
    const setup = setupOf({launch: [{type: 'jupyterlite', url: 'https://open-uni.github.io/lite'}]})
    expect(await checkLaunchLinks({setup, contentDir: folder, pages: [launchedPage(folder, 'a.ipynb')]})).toEqual([])
  })
})

import {describe, expect, it} from 'vitest'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {validateConfig} from '../../../src/config/load.js'
import {launchSetup} from '../../../src/transform/launch/setup.js'
import {launchLinks} from '../../../src/transform/launch/links.js'
import {pinLaunchLinks} from '../../../src/transform/launch/pin.js'
import {git, gitRepository, launchedPage} from '../../checks/git-repo.js'

const setupOf = (pin: boolean) => launchSetup(validateConfig({code: 'TM258', title: 'T', binder: {repo: 'open-uni/tm258'}, launchOptions: {pin}}))
const withLinks = (contentDir: string, pin: boolean) => {
  const page = launchedPage(contentDir, 'w/a.ipynb')
  page.launch = launchLinks(setupOf(pin), page.source, {})
  return page
}

describe('pinning launch links', () => {
  it('points the links at the commit checked out in the content folder\'s repository', async () => {
    const root = gitRepository({'content/w/a.ipynb': '{}\n'})
    const head = git(root, 'rev-parse', 'HEAD').trim()
    const page = withLinks(join(root, 'content'), true)
    const {commit, diagnostics} = await pinLaunchLinks(setupOf(true), [page], join(root, 'content'))
    expect([commit, diagnostics]).toEqual([head, []])
    expect(page.launch![0]!.url).toBe(`https://mybinder.org/v2/gh/open-uni/tm258/${head}?labpath=content%2Fw%2Fa.ipynb`)
  })

  it('leaves the links on their branch, with a note, when there is no commit to pin to', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cb-no-git-'))
    const page = withLinks(folder, true)
    const {commit, diagnostics} = await pinLaunchLinks(setupOf(true), [page], folder, '/course/site.config.ts')
    expect(commit).toBeUndefined()
    expect(diagnostics.map((d) => [d.severity, d.ruleId, d.file, d.message])).toEqual([
      ['info', 'launch-pin-unavailable', '/course/site.config.ts', `Launch links were not pinned to a commit: ${folder} is not in a git repository; they open the configured branch`],
    ])
    expect(page.launch![0]!.url).toBe('https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fw%2Fa.ipynb')
  })

  it('does nothing, and runs no git, without `pin`', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cb-no-git-'))
    expect(await pinLaunchLinks(setupOf(false), [withLinks(folder, false)], folder)).toEqual({diagnostics: []})
  })
})

import {describe, expect, it} from 'vitest'
import {cpSync, existsSync, readdirSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {validateConfig} from '../../src/config/load.js'
import {launchSetup} from '../../src/transform/launch/setup.js'
import {checkLaunchLinks} from '../../src/checks/launch-links.js'
import {git, gitRepository, launchedPage} from './git-repo.js'

const fixtures = resolve(import.meta.dirname, '../../../shared/fixtures/binder')

/**
 * The Binder environments of real OU course repositories, each committed into a
 * repository with one notebook: every layout Binder accepts passes (root,
 * `binder/`, `.binder/`, a root Dockerfile), and a repository with only a README
 * (SubjectMatterNotebooks: its environment lives elsewhere) is reported.
 */
describe.skipIf(!existsSync(fixtures))('the Binder environments in ../shared/fixtures/binder', () => {
  const setup = launchSetup(validateConfig({code: 'TM258', title: 'T', binder: {repo: 'open-uni/course'}}))
  const withoutEnvironment = new Set(['OpenComputingLab__SubjectMatterNotebooks'])

  for (const name of existsSync(fixtures) ? readdirSync(fixtures) : []) {
    it(name, async () => {
      const root = gitRepository({'content/week-1/a.ipynb': '{}\n'})
      cpSync(join(fixtures, name), root, {recursive: true})
      git(root, 'add', '-A')
      git(root, 'commit', '-q', '-m', 'Environment')
      const diagnostics = await checkLaunchLinks({setup, contentDir: join(root, 'content'), pages: [launchedPage(join(root, 'content'), 'week-1/a.ipynb')]})
      expect(diagnostics.map((d) => d.ruleId)).toEqual(withoutEnvironment.has(name) ? ['launch-environment-missing'] : [])
    })
  }
})

import {describe, expect, it} from 'vitest'
import {validateConfig} from '../../../src/config/load.js'
import {launchSetup} from '../../../src/transform/launch/setup.js'
import {launchLinks} from '../../../src/transform/launch/links.js'

const config = (extra: Record<string, unknown>) => validateConfig({code: 'TM258', title: 'T', ...extra})
const notebook = {kind: 'notebook' as const, relPath: 'week-1/a b.ipynb'}
const markdownNotebook = {kind: 'markdown' as const, relPath: 'week-1/c.md'}
const kernel = {kernelspec: {name: 'python3', display_name: 'Python 3'}}

const every = {
  launch: [
    {type: 'binder', repo: 'open-uni/tm258'},
    {type: 'jupyterhub', hub: 'https://hub.example.ac.uk', repo: 'open-uni/tm258', label: 'Open in the OU hub'},
    {type: 'jupyterlite', url: 'https://open-uni.github.io/lite'},
    {type: 'colab', repo: 'open-uni/tm258'},
  ],
}

describe('launch settings', () => {
  it('keeps `binder` working as the shorthand for a one-element list, with its contentPath', () => {
    const setup = launchSetup(config({binder: {repo: 'open-uni/tm258', ref: '2026J', contentPath: 'course/content'}}))
    expect(setup.launchers).toEqual([{type: 'binder', repo: 'open-uni/tm258', ref: '2026J', provider: 'github', hub: 'https://mybinder.org', interface: 'lab'}])
    expect(setup.contentPath).toBe('course/content')
    expect(launchLinks(setup, notebook, {})).toEqual([
      {type: 'binder', label: 'Launch on Binder', url: 'https://mybinder.org/v2/gh/open-uni/tm258/2026J?labpath=course%2Fcontent%2Fweek-1%2Fa%20b.ipynb'},
    ])
  })

  it('refuses `binder` and `launch` together, and applies launchOptions.contentPath to every launcher', () => {
    expect(() => config({binder: {repo: 'a/b'}, ...every})).toThrow(
      '`binder`: give the launchers in `launch` or the `binder` shorthand, not both (put the Binder settings into `launch` as `{type: \'binder\', …}`)',
    )
    const links = launchLinks(launchSetup(config({...every, launchOptions: {contentPath: ''}})), notebook, {})!
    expect(links.map((l) => l.url)).toEqual([
      'https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=week-1%2Fa%20b.ipynb',
      'https://hub.example.ac.uk/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fopen-uni%2Ftm258&branch=main&urlpath=lab%2Ftree%2Ftm258%2Fweek-1%2Fa+b.ipynb',
      'https://open-uni.github.io/lite/lab/index.html?path=week-1%2Fa%20b.ipynb',
      'https://colab.research.google.com/github/open-uni/tm258/blob/main/week-1/a%20b.ipynb',
    ])
  })
})

describe('launchLinks', () => {
  const setup = launchSetup(config(every))

  it('gives a notebook every launcher, in the configured order, with default or configured labels', () => {
    expect(launchLinks(setup, notebook, {})!.map((l) => [l.type, l.label])).toEqual([
      ['binder', 'Launch on Binder'],
      ['jupyterhub', 'Open in the OU hub'],
      ['jupyterlite', 'Open in JupyterLite'],
      ['colab', 'Open in Colab'],
    ])
  })

  it('gives none to a page that opts out with `binder: false` or `launch: false`, or to a plain Markdown page', () => {
    expect(launchLinks(setup, notebook, {binder: false})).toBeUndefined()
    expect(launchLinks(setup, notebook, {launch: false})).toBeUndefined()
    expect(launchLinks(setup, {kind: 'markdown', relPath: 'week-1/b.md'}, {})).toBeUndefined()
    expect(launchLinks(launchSetup(config({})), notebook, {})).toBeUndefined()
  })

  it('gives a Markdown notebook links only when launchOptions.jupytext says the environments open it, and never Colab', () => {
    expect(launchLinks(setup, markdownNotebook, kernel)).toBeUndefined()
    const jupytext = launchSetup(config({...every, launchOptions: {jupytext: true}}))
    expect(launchLinks(jupytext, markdownNotebook, kernel)!.map((l) => l.type)).toEqual(['binder', 'jupyterhub', 'jupyterlite'])
    expect(launchLinks(jupytext, markdownNotebook, {jupytext: kernel})!.map((l) => l.type)).toEqual(['binder', 'jupyterhub', 'jupyterlite'])
  })

  it('pins Binder and Colab links to a commit, and leaves nbgitpuller and JupyterLite links alone', () => {
    const commit = 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffe'
    const pinned = launchLinks(setup, notebook, {}, commit)!
    expect(pinned.map((l) => l.url.includes(commit))).toEqual([true, false, false, true])
    expect(pinned[0]!.url).toBe(`https://mybinder.org/v2/gh/open-uni/tm258/${commit}?labpath=content%2Fweek-1%2Fa%20b.ipynb`)
  })
})

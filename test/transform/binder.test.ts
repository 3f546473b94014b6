import {describe, expect, it} from 'vitest'
import {binderSchema} from '../../src/config/schema.js'
import {binderUrl} from '../../src/transform/launch/urls.js'
import {repositoryPath} from '../../src/transform/launch/repository.js'
import {wantsLaunchLink} from '../../src/transform/launch/links.js'

const binder = (over: Record<string, unknown>) => binderSchema.parse({repo: 'open-uni/tm258', ...over})

describe('binderUrl', () => {
  it('opens a notebook in JupyterLab on GitHub', () => {
    expect(binderUrl(binder({}), 'content/week-01/intro.ipynb')).toBe(
      'https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fweek-01%2Fintro.ipynb',
    )
  })

  it('encodes spaces, parentheses and unicode in the path', () => {
    const url = binderUrl(binder({}), 'content/week 02/03.1 Trolley (optional) – café.ipynb')
    expect(url).toBe(
      'https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fweek%2002%2F03.1%20Trolley%20(optional)%20%E2%80%93%20caf%C3%A9.ipynb',
    )
    expect(decodeURIComponent(new URL(url).searchParams.get('labpath')!)).toBe('content/week 02/03.1 Trolley (optional) – café.ipynb')
  })

  it('uses urlpath=tree/… for the classic interface', () => {
    const url = binderUrl(binder({interface: 'notebook'}), 'content/a b.ipynb')
    expect(url).toBe('https://mybinder.org/v2/gh/open-uni/tm258/main?urlpath=tree%2Fcontent%2Fa%20b.ipynb')
    expect(new URL(url).searchParams.get('urlpath')).toBe('tree/content/a b.ipynb')
  })

  it('encodes the GitLab project path as one segment', () => {
    const url = binderUrl(binder({provider: 'gitlab', repo: 'ou-group/sub/tm258', ref: 'release/2026J'}), 'nb.ipynb')
    expect(url).toBe('https://mybinder.org/v2/gl/ou-group%2Fsub%2Ftm258/release%2F2026J?labpath=nb.ipynb')
  })

  it('encodes a plain git clone URL, and honours a custom hub without a trailing slash', () => {
    const url = binderUrl(binder({provider: 'git', repo: 'https://git.example.ac.uk/tm258.git', hub: 'https://binder.example.ac.uk/'}), 'x.ipynb')
    expect(url).toBe('https://binder.example.ac.uk/v2/git/https%3A%2F%2Fgit.example.ac.uk%2Ftm258.git/main?labpath=x.ipynb')
  })

  it('escapes a ref with a slash on GitHub', () => {
    expect(binderUrl(binder({ref: 'feature/week-3'}), 'a.ipynb')).toContain('/v2/gh/open-uni/tm258/feature%2Fweek-3?')
  })
})

describe('repositoryPath', () => {
  it('joins the content folder and the page path', () => {
    expect(repositoryPath('content', 'week-01/a.ipynb')).toBe('content/week-01/a.ipynb')
    expect(repositoryPath('./course/content/', 'a.ipynb')).toBe('course/content/a.ipynb')
    expect(repositoryPath('', 'a.ipynb')).toBe('a.ipynb')
  })
})

describe('wantsLaunchLink', () => {
  it('gives notebooks a link unless they opt out', () => {
    expect(wantsLaunchLink('notebook', {})).toBe(true)
    expect(wantsLaunchLink('notebook', {binder: false})).toBe(false)
  })
  it('gives Markdown pages a link only when they declare a kernel', () => {
    expect(wantsLaunchLink('markdown', {})).toBe(false)
    expect(wantsLaunchLink('markdown', {kernelspec: {name: 'python3'}})).toBe(true)
    expect(wantsLaunchLink('markdown', {jupytext: {kernelspec: {name: 'python3'}}})).toBe(true)
  })
})

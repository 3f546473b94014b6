import {describe, expect, it} from 'vitest'
import {launcherSchema} from '../../../src/config/schema.js'
import {launchUrl} from '../../../src/transform/launch/urls.js'

/**
 * Every expected URL here was worked out by hand from the service's documented
 * form, not produced by the code under test:
 * - BinderHub: /v2/gh/{org}/{repo}/{ref}?labpath={path} (or urlpath=tree/{path});
 * - nbgitpuller: {hub}/hub/user-redirect/git-pull?repo=…&branch=…&urlpath=lab/tree/{repo name}/{path},
 *   query encoded as its link generator does (URLSearchParams: form encoding, space as +);
 * - Binder + nbgitpuller: the whole git-pull link as the urlpath of the environment's Binder link;
 * - JupyterLite: {url}/lab/index.html?path={path} (notebooks/index.html for Notebook 7);
 * - Colab: https://colab.research.google.com/github/{org}/{repo}/blob/{ref}/{path}.
 */
const launcher = (input: Record<string, unknown>) => launcherSchema.parse(input)
const PATH = 'content/week 1/intro é.ipynb'

describe('Binder', () => {
  it('opens the file in JupyterLab, path encoded whole (spaces, unicode, slashes)', () => {
    expect(launchUrl(launcher({type: 'binder', repo: 'open-uni/tm258'}), PATH)).toBe(
      'https://mybinder.org/v2/gh/open-uni/tm258/main?labpath=content%2Fweek%201%2Fintro%20%C3%A9.ipynb',
    )
  })

  it('opens the classic interface through urlpath=tree/…', () => {
    expect(launchUrl(launcher({type: 'binder', repo: 'open-uni/tm258', interface: 'notebook'}), PATH)).toBe(
      'https://mybinder.org/v2/gh/open-uni/tm258/main?urlpath=tree%2Fcontent%2Fweek%201%2Fintro%20%C3%A9.ipynb',
    )
  })

  it('builds the environment from one repository and pulls the content from another with nbgitpuller', () => {
    const url = launchUrl(
      launcher({type: 'binder', repo: 'open-uni/tm258-env', content: {repo: 'open-uni/tm258', branch: '2026J'}}),
      'content/week 1/a&b.ipynb',
    )
    expect(url).toBe(
      'https://mybinder.org/v2/gh/open-uni/tm258-env/main?urlpath=git-pull%3Frepo%3Dhttps%253A%252F%252Fgithub.com%252Fopen-uni%252Ftm258%26branch%3D2026J%26urlpath%3Dlab%252Ftree%252Ftm258%252Fcontent%252Fweek%2B1%252Fa%2526b.ipynb',
    )
    // Decoded as BinderHub and then nbgitpuller decode it, every part comes back whole.
    const pull = new URL(url).searchParams.get('urlpath')!
    expect(pull.startsWith('git-pull?')).toBe(true)
    const query = new URLSearchParams(pull.slice('git-pull?'.length))
    expect(Object.fromEntries(query)).toEqual({repo: 'https://github.com/open-uni/tm258', branch: '2026J', urlpath: 'lab/tree/tm258/content/week 1/a&b.ipynb'})
  })

  it('pulls into the classic interface with tree/…, and takes a content repository given as a clone URL', () => {
    const url = launchUrl(
      launcher({type: 'binder', repo: 'open-uni/env', interface: 'notebook', content: {repo: 'https://git.example.ac.uk/ou/tm258.git'}}),
      'nb.ipynb',
    )
    expect(url).toBe(
      'https://mybinder.org/v2/gh/open-uni/env/main?urlpath=git-pull%3Frepo%3Dhttps%253A%252F%252Fgit.example.ac.uk%252Fou%252Ftm258.git%26branch%3Dmain%26urlpath%3Dtree%252Ftm258%252Fnb.ipynb',
    )
  })

  it('replaces the ref with a pinned commit, but never the branch nbgitpuller pulls', () => {
    const commit = '0123456789abcdef0123456789abcdef01234567'
    expect(launchUrl(launcher({type: 'binder', repo: 'open-uni/tm258'}), 'a.ipynb', commit)).toBe(`https://mybinder.org/v2/gh/open-uni/tm258/${commit}?labpath=a.ipynb`)
    const pulled = launchUrl(launcher({type: 'binder', repo: 'o/env', content: {repo: 'o/c'}}), 'a.ipynb', commit)
    expect(pulled).toContain('/v2/gh/o/env/main?')
    expect(pulled).not.toContain(commit)
  })
})

describe('JupyterHub with nbgitpuller', () => {
  it('pulls the repository into a folder named after it and opens the file in JupyterLab', () => {
    expect(launchUrl(launcher({type: 'jupyterhub', hub: 'https://hub.example.ac.uk/', repo: 'open-uni/tm258'}), PATH)).toBe(
      'https://hub.example.ac.uk/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fopen-uni%2Ftm258&branch=main&urlpath=lab%2Ftree%2Ftm258%2Fcontent%2Fweek+1%2Fintro+%C3%A9.ipynb',
    )
  })

  it('opens the classic interface, keeps a hub under a path, and takes a clone URL and a branch', () => {
    const url = launchUrl(
      launcher({type: 'jupyterhub', hub: 'https://jupyter.example.ac.uk/tm258', repo: 'https://gitlab.example.ac.uk/ou/TM258-2026J.git', branch: 'release/2026J', interface: 'notebook'}),
      'content/a.ipynb',
    )
    expect(url).toBe(
      'https://jupyter.example.ac.uk/tm258/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgitlab.example.ac.uk%2Fou%2FTM258-2026J.git&branch=release%2F2026J&urlpath=tree%2FTM258-2026J%2Fcontent%2Fa.ipynb',
    )
  })
})

describe('JupyterLite', () => {
  it('opens the file in the site\'s JupyterLab, or in its Notebook interface', () => {
    const lite = {type: 'jupyterlite', url: 'https://open-uni.github.io/tm258-lite/'}
    expect(launchUrl(launcher(lite), PATH)).toBe('https://open-uni.github.io/tm258-lite/lab/index.html?path=content%2Fweek%201%2Fintro%20%C3%A9.ipynb')
    expect(launchUrl(launcher({...lite, interface: 'notebook'}), PATH)).toBe(
      'https://open-uni.github.io/tm258-lite/notebooks/index.html?path=content%2Fweek%201%2Fintro%20%C3%A9.ipynb',
    )
  })
})

describe('Colab', () => {
  it('opens the notebook from GitHub, each path segment encoded', () => {
    expect(launchUrl(launcher({type: 'colab', repo: 'open-uni/tm258'}), PATH)).toBe(
      'https://colab.research.google.com/github/open-uni/tm258/blob/main/content/week%201/intro%20%C3%A9.ipynb',
    )
    expect(launchUrl(launcher({type: 'colab', repo: 'https://github.com/open-uni/tm258.git', ref: 'release/2026J'}), 'a b.ipynb')).toBe(
      'https://colab.research.google.com/github/open-uni/tm258/blob/release/2026J/a%20b.ipynb',
    )
  })

  it('is a config error for a repository that is not on GitHub', () => {
    const result = launcherSchema.safeParse({type: 'colab', repo: 'https://gitlab.com/open-uni/tm258'})
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toBe('Colab opens notebooks from GitHub only: give `org/name` or a https://github.com/ URL')
  })
})

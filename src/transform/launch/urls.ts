import type {LauncherConfig} from '../../config/schema.js'
import {cloneUrl, githubRepository, repositoryName} from './repository.js'

type Launcher<T extends LauncherConfig['type']> = Extract<LauncherConfig, {type: T}>

/** What a Binder link needs: the `binder` shorthand and a `{type: 'binder'}` launcher both fit. */
export type BinderTarget = Pick<Launcher<'binder'>, 'repo' | 'ref' | 'provider' | 'hub' | 'interface'> & {content?: Launcher<'binder'>['content']}

/**
 * The URL that opens one file of the repository with `launcher`. `repoPath`
 * is the file's path inside the repository (forward slashes, unencoded); `ref`
 * replaces the launcher's branch when the links are pinned to a commit.
 */
export function launchUrl(launcher: LauncherConfig, repoPath: string, ref?: string): string {
  switch (launcher.type) {
    case 'binder':
      return binderUrl(ref && !launcher.content ? {...launcher, ref} : launcher, repoPath)
    case 'jupyterhub':
      return jupyterhubUrl(launcher, repoPath)
    case 'jupyterlite':
      return jupyterliteUrl(launcher, repoPath)
    case 'colab':
      return colabUrl(ref ? {...launcher, ref} : launcher, repoPath)
  }
}

/**
 * The BinderHub launch URL: GitHub `/v2/gh/org/repo/ref`, GitLab `/v2/gl/<encoded
 * org/repo>/ref`, plain git `/v2/git/<encoded clone URL>/ref`, as BinderHub
 * defines them. The file opens in JupyterLab (`labpath`) or the classic
 * interface (`urlpath=tree/…`). With a separate content repository, Binder
 * builds the environment from `repo` and opens nbgitpuller, which pulls the
 * content in: `urlpath` is then the nbgitpuller link, encoded as a whole.
 */
export function binderUrl(binder: BinderTarget, repoPath: string): string {
  const hub = trimSlashes(binder.hub)
  const ref = encodeURIComponent(binder.ref)
  let spec: string
  if (binder.provider === 'github') {
    const [org, repo] = binder.repo.replace(/\.git$/, '').split('/')
    spec = `gh/${encodeURIComponent(org ?? '')}/${encodeURIComponent(repo ?? '')}/${ref}`
  } else if (binder.provider === 'gitlab') {
    spec = `gl/${encodeURIComponent(binder.repo.replace(/\.git$/, ''))}/${ref}`
  } else {
    spec = `git/${encodeURIComponent(binder.repo)}/${ref}`
  }
  if (binder.content) {
    const host = binder.provider === 'gitlab' ? 'gitlab' : 'github'
    const pull = gitPullQuery(cloneUrl(binder.content.repo, host), binder.content.branch, openPath(binder.interface, binder.content.repo, repoPath))
    return `${hub}/v2/${spec}?${new URLSearchParams({urlpath: `git-pull?${pull}`})}`
  }
  const query =
    binder.interface === 'lab' ? `labpath=${encodeURIComponent(repoPath)}` : `urlpath=${encodeURIComponent(`tree/${repoPath}`)}`
  return `${hub}/v2/${spec}?${query}`
}

/** nbgitpuller on a JupyterHub: `{hub}/hub/user-redirect/git-pull?repo=…&branch=…&urlpath=lab/tree/{repo name}/{path}`. */
export function jupyterhubUrl(launcher: Pick<Launcher<'jupyterhub'>, 'hub' | 'repo' | 'branch' | 'interface'>, repoPath: string): string {
  const query = gitPullQuery(cloneUrl(launcher.repo), launcher.branch, openPath(launcher.interface, launcher.repo, repoPath))
  return `${trimSlashes(launcher.hub)}/hub/user-redirect/git-pull?${query}`
}

/** A JupyterLite site: `{url}/lab/index.html?path=…` (or `notebooks/index.html` for the Notebook interface). */
export function jupyterliteUrl(launcher: Pick<Launcher<'jupyterlite'>, 'url' | 'interface'>, repoPath: string): string {
  const app = launcher.interface === 'lab' ? 'lab' : 'notebooks'
  return `${trimSlashes(launcher.url)}/${app}/index.html?path=${encodeURIComponent(repoPath)}`
}

/** Colab's GitHub loader: `https://colab.research.google.com/github/{org}/{repo}/blob/{ref}/{path}`. */
export function colabUrl(launcher: Pick<Launcher<'colab'>, 'repo' | 'ref'>, repoPath: string): string {
  const github = githubRepository(launcher.repo)
  // The config schema accepts GitHub repositories only; this guards callers that bypass it.
  if (!github) throw new Error(`Colab opens notebooks from GitHub only, not ${launcher.repo}`)
  const segments = (path: string) => path.split('/').map(encodeURIComponent).join('/')
  return `https://colab.research.google.com/github/${segments(`${github.org}/${github.name}`)}/blob/${segments(launcher.ref)}/${segments(repoPath)}`
}

/**
 * The query of an nbgitpuller link, encoded as nbgitpuller's own link
 * generator encodes it (`URLSearchParams`: form encoding, spaces as `+`).
 */
function gitPullQuery(repo: string, branch: string, urlpath: string): string {
  return new URLSearchParams({repo, branch, urlpath}).toString()
}

/** Where Jupyter opens the file once nbgitpuller has cloned the repository into a folder named after it. */
function openPath(ui: 'lab' | 'notebook', repo: string, repoPath: string): string {
  return `${ui === 'lab' ? 'lab/tree' : 'tree'}/${repositoryName(repo)}/${repoPath}`
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '')
}

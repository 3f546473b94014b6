import {posix} from 'node:path'
import type {BinderConfig} from '../config/schema.js'

/**
 * The BinderHub launch URL that opens one file of the repository: `repoPath`
 * is the file's path inside the repository (forward slashes, unencoded).
 * GitHub `/v2/gh/org/repo/ref`, GitLab `/v2/gl/<encoded org/repo>/ref`, plain
 * git `/v2/git/<encoded clone URL>/ref`, as BinderHub defines them; the file
 * opens in JupyterLab (`labpath`) or the classic interface (`urlpath=tree/…`).
 */
export function binderUrl(binder: BinderConfig, repoPath: string): string {
  const hub = binder.hub.replace(/\/+$/, '')
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
  const query =
    binder.interface === 'lab' ? `labpath=${encodeURIComponent(repoPath)}` : `urlpath=${encodeURIComponent(`tree/${repoPath}`)}`
  return `${hub}/v2/${spec}?${query}`
}

/** A file's path in the repository, from the content folder's place there and the file's content-relative path. */
export function repositoryPath(contentPathInRepo: string, relPath: string): string {
  const base = contentPathInRepo.replace(/^\.?\/+|\/+$/g, '')
  return base ? posix.join(base, relPath) : relPath
}

/**
 * Whether a page gets a launch link: notebooks do unless their metadata says
 * `binder: false`; Markdown pages only when their front matter declares a
 * Jupyter kernel (a MyST or jupytext notebook).
 */
export function wantsLaunchLink(kind: 'notebook' | 'markdown', meta: Record<string, unknown>): boolean {
  if (meta.binder === false) return false
  if (kind === 'notebook') return true
  const jupytext = meta.jupytext as {kernelspec?: unknown} | undefined
  return Boolean(meta.kernelspec ?? jupytext?.kernelspec)
}

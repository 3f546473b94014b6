import type {LauncherConfig} from '../config/schema.js'
import type {RepositoryHost} from '../transform/launch/repository.js'

/** A repository at a ref, as a launcher names it, with the config keys that set the ref. */
export interface RepositoryAt {
  repo: string
  host: RepositoryHost
  ref: string
  /** Key path of the ref inside the launcher's config, for pointing a diagnostic at it. */
  refKey: string[]
}

/** What the checks verify for one launcher: where it takes the notebooks from and, for Binder, the environment. */
export interface LaunchTarget {
  launcher: LauncherConfig
  /** The repository and ref the notebooks are opened from. */
  content: RepositoryAt
  /** The repository and ref Binder builds the environment from (Binder only). */
  environment?: RepositoryAt
}

/**
 * The check targets of a launcher, or undefined for one that cannot be
 * checked in git (JupyterLite serves the files it was built with). `commit`,
 * when the links are pinned, replaces the ref of launchers that open a commit.
 */
export function launchTarget(launcher: LauncherConfig, commit?: string): LaunchTarget | undefined {
  switch (launcher.type) {
    case 'binder': {
      const host: RepositoryHost = launcher.provider === 'gitlab' ? 'gitlab' : 'github'
      const environment: RepositoryAt = {repo: launcher.repo, host, ref: launcher.content ? launcher.ref : commit ?? launcher.ref, refKey: ['ref']}
      const content = launcher.content ? {repo: launcher.content.repo, host, ref: launcher.content.branch, refKey: ['content', 'branch']} : environment
      return {launcher, content, environment}
    }
    case 'jupyterhub':
      return {launcher, content: {repo: launcher.repo, host: 'github', ref: launcher.branch, refKey: ['branch']}}
    case 'colab':
      return {launcher, content: {repo: launcher.repo, host: 'github', ref: commit ?? launcher.ref, refKey: ['ref']}}
    case 'jupyterlite':
      return undefined
  }
}

/** How a launcher is named in messages: its label, or its kind. */
export function launcherName(launcher: LauncherConfig): string {
  if (launcher.label) return launcher.label
  return {binder: 'Binder', jupyterhub: 'JupyterHub', jupyterlite: 'JupyterLite', colab: 'Colab'}[launcher.type]
}

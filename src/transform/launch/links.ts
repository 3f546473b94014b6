import type {LauncherConfig} from '../../config/schema.js'
import type {LaunchLink, PageSource} from '../../pipeline/types.js'
import type {LaunchSetup} from './setup.js'
import {repositoryPath} from './repository.js'
import {launchUrl} from './urls.js'

const DEFAULT_LABELS: Record<LauncherConfig['type'], string> = {
  binder: 'Launch on Binder',
  jupyterhub: 'Open in JupyterHub',
  jupyterlite: 'Open in JupyterLite',
  colab: 'Open in Colab',
}

/**
 * The launch links of one page, in the configured order, or undefined when it
 * gets none. Notebooks get them unless their metadata says `binder: false` (or
 * `launch: false`); a Markdown page only when its front matter declares a
 * Jupyter kernel (a MyST or jupytext notebook) and `launchOptions.jupytext`
 * says the environments can open such files. Colab opens `.ipynb` files only.
 * `commit`, when the links are pinned, replaces the branch of every launcher
 * that can open a commit (Binder from its own repository, Colab).
 */
export function launchLinks(
  setup: LaunchSetup,
  page: Pick<PageSource, 'kind' | 'relPath'>,
  meta: Record<string, unknown>,
  commit?: string,
): LaunchLink[] | undefined {
  if (!wantsLaunchLink(page.kind, meta)) return undefined
  if (page.kind === 'markdown' && !setup.jupytext) return undefined
  const path = repositoryPath(setup.contentPath, page.relPath)
  const links = setup.launchers
    .filter((launcher) => opensFile(launcher, page.relPath))
    .map((launcher) => ({type: launcher.type, label: launcher.label ?? DEFAULT_LABELS[launcher.type], url: launchUrl(launcher, path, commit)}))
  return links.length > 0 ? links : undefined
}

/**
 * Whether a page could be launched at all: notebooks can unless their metadata
 * says `binder: false` or `launch: false`; Markdown pages only when their
 * front matter declares a Jupyter kernel (a MyST or jupytext notebook).
 */
export function wantsLaunchLink(kind: 'notebook' | 'markdown', meta: Record<string, unknown>): boolean {
  if (meta.binder === false || meta.launch === false) return false
  if (kind === 'notebook') return true
  const jupytext = meta.jupytext as {kernelspec?: unknown} | undefined
  return Boolean(meta.kernelspec ?? jupytext?.kernelspec)
}

/** Whether `launcher` can open a file of this name: Colab opens `.ipynb` files only. */
export function opensFile(launcher: LauncherConfig, relPath: string): boolean {
  return launcher.type !== 'colab' || relPath.toLowerCase().endsWith('.ipynb')
}

/** Whether a launcher can be pinned to a commit: nbgitpuller (JupyterHub, Binder with a content repository) pulls branches only. */
export function pinnable(launcher: LauncherConfig): boolean {
  return (launcher.type === 'binder' && !launcher.content) || launcher.type === 'colab'
}

import type {UserConfig} from '../../config/schema.js'

/** The repository `jupyter-book create` writes into every new book's `_config.yml`. */
const TEMPLATE_REPOSITORY = 'github.com/executablebooks/jupyter-book'

export type BinderFromBook = {binder: NonNullable<UserConfig['binder']>} | {skipped: string}

/**
 * The Binder settings a book's `repository` and `launch_buttons` imply:
 * the repository as `org/name` on GitHub (or the project path on GitLab),
 * the branch (Jupyter Book's default is `master`), `path_to_book` as where
 * the pages sit in the repository, `binderhub_url` and the interface
 * (`classic` → notebook, `jupyterlab` → lab). No Binder link, and why, when
 * the URL is missing, the template's own, or another host.
 */
export function binderFromBook(repository: Record<string, unknown>, launchButtons: Record<string, unknown>): BinderFromBook {
  const url = typeof repository.url === 'string' ? repository.url.trim() : ''
  if (!url) return {skipped: 'no `repository.url` is given'}
  const match = /^(?:https?:\/\/)?(?:www\.)?(github\.com|gitlab\.com)\/(.+?)(?:\.git)?\/*$/i.exec(url)
  if (!match) return {skipped: `\`repository.url\` ${url} is not a GitHub or GitLab repository`}
  const [, host, project] = match
  if (`${host!.toLowerCase()}/${project!.toLowerCase()}` === TEMPLATE_REPOSITORY) {
    return {skipped: `\`repository.url\` is ${url}, the Jupyter Book template's default, not this book's repository`}
  }
  const provider = host!.toLowerCase() === 'github.com' ? 'github' : 'gitlab'
  const segments = project!.split('/').filter(Boolean)
  if (provider === 'github' && segments.length !== 2) return {skipped: `\`repository.url\` ${url} does not name one GitHub repository (github.com/org/name)`}
  const binder: NonNullable<UserConfig['binder']> = {
    repo: segments.join('/'),
    provider,
    ref: typeof repository.branch === 'string' && repository.branch.trim() ? repository.branch.trim() : 'master',
    contentPath: typeof repository.path_to_book === 'string' ? repository.path_to_book.trim().replace(/^\.?\/+|\/+$/g, '') : '',
  }
  const hub = typeof launchButtons.binderhub_url === 'string' ? launchButtons.binderhub_url.trim() : ''
  if (hub && URL.canParse(hub)) binder.hub = hub
  if (launchButtons.notebook_interface === 'classic') binder.interface = 'notebook'
  else if (launchButtons.notebook_interface === 'jupyterlab') binder.interface = 'lab'
  return {binder}
}

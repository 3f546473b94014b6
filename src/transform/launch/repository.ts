import {posix} from 'node:path'

/** Where a repository is hosted when the config names it as `org/name`. */
export type RepositoryHost = 'github' | 'gitlab'

const HOSTS: Record<RepositoryHost, string> = {github: 'https://github.com', gitlab: 'https://gitlab.com'}

/** Whether `repo` is a URL (https, ssh, `git@host:path`) rather than the `org/name` shorthand. */
export function isRepositoryUrl(repo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo)
}

/** The URL git clones `repo` from: the shorthand `org/name` on `host`, or the URL as given. */
export function cloneUrl(repo: string, host: RepositoryHost = 'github'): string {
  return isRepositoryUrl(repo) ? repo : `${HOSTS[host]}/${repo.replace(/^\/+|\/+$/g, '')}`
}

/** The repository's name, the folder `git clone` (and nbgitpuller) makes for it: `tm258` for `open-uni/tm258.git`. */
export function repositoryName(repo: string): string {
  const path = repo.replace(/[?#].*$/, '').replace(/\/+$/, '')
  const last = path.split(/[/:]/).pop() ?? ''
  return last.replace(/\.git$/, '')
}

/** `{org, name}` of a GitHub repository given as `org/name` or a https://github.com/ URL; undefined for anything else. */
export function githubRepository(repo: string): {org: string; name: string} | undefined {
  const match = /^(?:https:\/\/github\.com\/)?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repo)
  return match ? {org: match[1]!, name: match[2]!} : undefined
}

/**
 * A comparable identity for a repository: `host/path` in lower case, with the
 * scheme, user, `.git` and trailing slashes removed, so that the shorthand,
 * an https URL and an ssh URL of one repository are equal.
 */
export function repositoryIdentity(repo: string, host: RepositoryHost = 'github'): string {
  const url = cloneUrl(repo, host)
  const scp = /^[\w.-]+@([\w.-]+):(.*)$/.exec(url)
  const [server, path] = scp ? [scp[1]!, scp[2]!] : splitUrl(url)
  return `${server}/${path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '')}`.toLowerCase()
}

function splitUrl(url: string): [string, string] {
  try {
    const parsed = new URL(url)
    return [parsed.hostname, decodeURIComponent(parsed.pathname)]
  } catch {
    return ['', url]
  }
}

/** A file's path in the repository, from the content folder's place there and the file's content-relative path. */
export function repositoryPath(contentPathInRepo: string, relPath: string): string {
  const base = contentPathInRepo.replace(/^\.?\/+|\/+$/g, '')
  return base ? posix.join(base, relPath) : relPath
}

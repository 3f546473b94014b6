import {runGit} from '../transform/launch/git.js'

/** The git repository a course's content folder is in, as far as the launch-link checks need it. */
export interface LocalRepository {
  /** Absolute path of the working tree's top folder. */
  top: string
  /** URLs of its remotes (fetch URLs), possibly none. */
  remotes: string[]
  /** Full names of its branches, tags and `origin/*` remote-tracking branches. */
  refs: Set<string>
}

/** Open the repository that holds `dir`; `reason` says why there is none (no git, not a repository). */
export async function openLocalRepository(dir: string): Promise<LocalRepository | {reason: string}> {
  const top = await runGit(dir, ['rev-parse', '--show-toplevel'])
  if (top.unavailable) return {reason: 'git is not installed'}
  if (!top.ok) return {reason: `${dir} is not in a git repository`}
  const root = top.stdout.trim()
  const [remotes, refs] = await Promise.all([
    runGit(root, ['config', '--get-regexp', '^remote\\..*\\.url$']),
    runGit(root, ['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/tags', 'refs/remotes/origin']),
  ])
  return {
    top: root,
    remotes: lines(remotes.stdout).map((line) => line.slice(line.indexOf(' ') + 1)),
    refs: new Set(lines(refs.stdout)),
  }
}

/**
 * The full name of `ref` in the repository: a local branch, a tag, or the
 * `origin/` branch of that name, in that order. A hexadecimal name that is
 * none of these is returned as it is, to be looked up as a commit. Undefined
 * when the ref cannot be there.
 */
export function resolveRef(repository: LocalRepository, ref: string): string | undefined {
  for (const candidate of [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/remotes/origin/${ref}`]) {
    if (repository.refs.has(candidate)) return candidate
  }
  return /^[0-9a-f]{4,64}$/i.test(ref) ? ref : undefined
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

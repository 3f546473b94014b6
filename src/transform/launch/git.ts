import {spawn} from 'node:child_process'

/** What one git command did. `unavailable` means git itself could not be started (not installed). */
export interface GitResult {
  ok: boolean
  stdout: string
  stderr: string
  unavailable?: boolean
}

/**
 * Run git in `cwd` with `args`, feeding `input` on stdin; never throws. Git
 * is told not to take optional locks (a build must not get in the way of the
 * author's own git commands) and never to prompt.
 */
export function runGit(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    let child
    try {
      child = spawn('git', args, {cwd, env: {...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C'}, stdio: ['pipe', 'pipe', 'pipe']})
    } catch (error) {
      return resolve({ok: false, stdout: '', stderr: (error as Error).message, unavailable: true})
    }
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ok: false, stdout: '', stderr: error.message, unavailable: error.code === 'ENOENT' || error.code === 'EACCES'})
    })
    child.on('close', (code) => resolve({ok: code === 0, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')}))
    // A git that exits before reading all its input (a bad repository) must not crash the build with EPIPE.
    child.stdin.on('error', () => {})
    child.stdin.end(input ?? '')
  })
}

/** The commit checked out in the repository that holds `dir`, or why there is none. */
export async function headCommit(dir: string): Promise<{commit: string} | {reason: string}> {
  const result = await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  if (result.unavailable) return {reason: 'git is not installed'}
  if (result.ok) return {commit: result.stdout.trim()}
  const inside = await runGit(dir, ['rev-parse', '--show-toplevel'])
  return {reason: inside.ok ? 'the repository has no commit yet' : `${dir} is not in a git repository`}
}

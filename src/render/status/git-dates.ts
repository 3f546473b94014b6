import {runGit} from '../../transform/launch/git.js'

/**
 * When each file of the content folder last changed in git: content-relative
 * path (forward slashes) → ISO 8601 commit date, from one `git log` over the
 * folder's history (newest first, so a file's first appearance is its last
 * change). Empty when the folder is not in git or git is not installed.
 */
export async function lastCommitDates(contentDir: string): Promise<Map<string, string>> {
  const dates = new Map<string, string>()
  const log = await runGit(contentDir, ['log', '--format=%x1e%cI', '--name-only', '-z', '--no-renames', '--relative', '--', '.'])
  if (!log.ok) return dates
  // Each commit: RS, date, NUL, then its files, each followed by NUL.
  for (const record of log.stdout.split('\x1e')) {
    const [date, ...files] = record.split('\0')
    if (!date) continue
    for (const file of files) {
      const path = file.replace(/^\n/, '')
      if (path && !dates.has(path)) dates.set(path, date.trim())
    }
  }
  return dates
}

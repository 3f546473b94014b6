import {lstatSync} from 'node:fs'
import {basename} from 'node:path'
import type {Diagnostic} from '../diagnostics/report.js'

/**
 * Whether `path` is a regular file rather than a symbolic link. Course and
 * unit metadata and intros are read only from files really in the course, as
 * pages are: a link could point anywhere (a key file, a config outside the
 * course) and its text would be published. A link gets a `path-ignored` note.
 */
export function isPlainFile(path: string, report: (d: Diagnostic) => void): boolean {
  let stats
  try {
    stats = lstatSync(path)
  } catch {
    return false
  }
  if (stats.isSymbolicLink()) {
    report({severity: 'info', ruleId: 'path-ignored', message: `${basename(path)} is a symbolic link and was not followed`, file: path})
    return false
  }
  return stats.isFile()
}

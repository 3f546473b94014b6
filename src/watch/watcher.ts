import type {FSWatcher} from 'chokidar'
import {isIgnoredName} from '../load/discover.js'
import type {ChangeKind} from './graph.js'
import {basename} from 'node:path'

/**
 * Watch folders and files for `coursebook dev` (the only chokidar import).
 * chokidar 4+ has no globs, so paths are filtered here: dotfiles, checkpoints
 * and `_build` are ignored like the build ignores them. Events are reported
 * only once a write has finished. chokidar is loaded here, on first use: a
 * build never needs it, and it is an ES module only, which the CLI's
 * CommonJS bundle (see scripts/bundle.mjs) may not `require`.
 */
export async function watchPaths(paths: readonly string[], onChange: (path: string, kind: ChangeKind) => void): Promise<FSWatcher> {
  const {watch} = await import('chokidar')
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (path) => isIgnoredName(basename(path)) && !paths.includes(path),
    // A file is reported once its size and mtime have held for 10 ms. Editors and Jupyter write a notebook in
    // one burst (or write a temporary file and rename it), so this is enough, and every millisecond here is
    // one the author waits. A writer that pauses longer gets a second rebuild when it finishes, never a lost one.
    awaitWriteFinish: {stabilityThreshold: 10, pollInterval: 5},
  })
  watcher.on('add', (path) => onChange(path, 'add'))
  watcher.on('change', (path) => onChange(path, 'change'))
  watcher.on('unlink', (path) => onChange(path, 'unlink'))
  watcher.on('addDir', (path) => onChange(path, 'add'))
  watcher.on('unlinkDir', (path) => onChange(path, 'unlink'))
  return watcher
}

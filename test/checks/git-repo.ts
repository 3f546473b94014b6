import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import type {PageResult, PageSource, Unit} from '../../src/pipeline/types.js'

/** Run git in `cwd` as a throwaway identity; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, ...args)
}

/** Run git with extra environment variables (e.g. `GIT_COMMITTER_DATE`). */
export function gitWith(env: Record<string, string>, cwd: string, ...args: string[]): string {
  const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main']
  return execFileSync('git', [...identity, ...args], {cwd, encoding: 'utf8', env: {...process.env, ...env}})
}

/** Write files under `root` (paths with forward slashes). */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, text)
  }
}

/** A new git repository on branch `main` holding `files` in one commit. */
export function gitRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cb-launch-'))
  git(root, 'init', '-q', '-b', 'main')
  writeFiles(root, files)
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'Course content')
  return root
}

/** The parts of a page result the launch checks read: its source and whether it has launch links. */
export function launchedPage(contentDir: string, relPath: string): PageResult {
  const source: PageSource = {
    path: join(contentDir, relPath),
    relPath,
    kind: relPath.endsWith('.ipynb') ? 'notebook' : 'markdown',
    outPath: relPath.replace(/\.(ipynb|md)$/, '.html'),
    unit: {} as Unit,
    order: 0,
  }
  return {source, title: relPath, meta: {}, headings: [], body: '', assets: [], dependencies: [], failed: false, launch: [{type: 'binder', label: 'Launch on Binder', url: 'https://mybinder.org/'}]}
}

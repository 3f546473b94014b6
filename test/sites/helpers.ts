import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {fromHtml} from 'hast-util-from-html'
import type {Root} from 'hast'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import type {UserConfig} from '../../src/config/schema.js'

/** The project root and the shared fixtures beside it (absent on some machines). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const sharedFixtures = resolve(projectRoot, '../shared/fixtures')

/** A temporary course folder: write files under `content/`, or copy folders in. */
export function tempCourse(prefix = 'cb-site-'): {root: string; write(path: string, text: string): void; copy(from: string, to: string): void} {
  const root = mkdtempSync(join(tmpdir(), prefix))
  mkdirSync(join(root, 'content'), {recursive: true})
  return {
    root,
    write(path, text) {
      const target = join(root, 'content', path)
      mkdirSync(dirname(target), {recursive: true})
      writeFileSync(target, text)
    },
    copy(from, to) {
      cpSync(from, join(root, 'content', to), {recursive: true})
    },
  }
}

/** Build a course folder with a config object; the site goes to `<root>/dist`. */
export async function buildCourse(root: string, config: Partial<UserConfig> = {}): Promise<BuildResult> {
  return build({config: configFromObject({code: 'TEST1', title: 'Test course', ...config}, root)})
}

/** Parse a built page into a hast tree, for assertions on structure rather than on strings. */
export function readPage(result: BuildResult, outPath: string): Root {
  return fromHtml(readFileSync(join(result.outPath, outPath), 'utf8'))
}

/** Every file of a built site, by site-relative path, for byte-for-byte comparisons. */
export function siteFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.set(relative(dir, path), readFileSync(path))
    }
  }
  walk(dir)
  return out
}

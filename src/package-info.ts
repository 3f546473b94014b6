import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The folder of coursebook's own package.json. Found by walking up, because
 * this module runs both from `src/` (tests) and compiled from `lib/src/`.
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as {name?: string}).name === 'coursebook') return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('coursebook: cannot find its own package.json')
    dir = parent
  }
})()

/**
 * coursebook's own entry module, for jiti to resolve `import … from
 * 'coursebook'` to in files a course brings (its config, its layouts), so
 * that they work from a folder with no node_modules of its own.
 */
export const packageEntry: string = fileURLToPath(new URL('./index.js', import.meta.url))

/** coursebook's version, part of every cache key. */
export const version: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version

let stamp: string | undefined

/**
 * A stamp of the code that renders pages (every module's name, size and
 * modification time). Part of the page cache's key, so that a changed
 * coursebook (a development checkout, a patched install) never serves pages
 * rendered by the old one, even when the version number is the same.
 */
export function codeStamp(): string {
  if (stamp) return stamp
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(c?js|ts|mjs)$/.test(entry.name)) {
        const info = statSync(path)
        hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`)
      }
    }
  }
  walk(dirname(fileURLToPath(import.meta.url)))
  return (stamp = hash.digest('hex'))
}

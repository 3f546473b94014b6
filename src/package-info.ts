import {existsSync, readFileSync} from 'node:fs'
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

/** coursebook's version, part of every cache key. */
export const version: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version

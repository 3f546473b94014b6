import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ASSETS = join('themes', 'default', 'assets')

/**
 * The absolute path of `themes/default/assets`, found from the URL of a module
 * inside this theme: the first folder, walking up from the module's own, that
 * holds `themes/default/assets`. When none does it returns `./assets/` beside
 * the module, so that the stage copying assets reports the missing folder.
 */
export function findAssetsDir(moduleUrl: string): string {
  // `./assets/` beside the module is right for the TypeScript source, but tsc
  // compiles this theme to `lib/themes/default/`, which has no CSS; the package
  // root, a few folders up in both cases, holds the real folder.
  let folder = fileURLToPath(new URL('.', moduleUrl))
  for (;;) {
    const candidate = join(folder, ASSETS)
    if (existsSync(candidate)) return candidate
    const parent = dirname(folder)
    if (parent === folder) return join(fileURLToPath(new URL('.', moduleUrl)), 'assets')
    folder = parent
  }
}

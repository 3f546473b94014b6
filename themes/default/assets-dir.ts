import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The absolute path of `themes/<themeName>/assets`, found from the URL of a
 * module inside that theme: the first folder, walking up from the module's
 * own, that holds `themes/<themeName>/assets`. When none does it returns
 * `./assets/` beside the module, so that the stage copying assets reports the
 * missing folder.
 */
export function findAssetsDir(moduleUrl: string, themeName = 'default'): string {
  const assets = join('themes', themeName, 'assets')
  // `./assets/` beside the module is right for the TypeScript source, but tsc
  // compiles this theme to `lib/themes/default/`, which has no CSS; the package
  // root, a few folders up in both cases, holds the real folder.
  let folder = fileURLToPath(new URL('.', moduleUrl))
  for (;;) {
    const candidate = join(folder, assets)
    if (existsSync(candidate)) return candidate
    const parent = dirname(folder)
    if (parent === folder) return join(fileURLToPath(new URL('.', moduleUrl)), 'assets')
    folder = parent
  }
}

import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {Script} from 'node:vm'
import {fileURLToPath} from 'node:url'

/**
 * Loads coursebook's CommonJS bundle (`core.cjs`, made by scripts/bundle.mjs)
 * with V8's code cache (`core.cjs.cache`), so that the functions a build runs
 * are not parsed and compiled again by every `coursebook` command.
 *
 * Why: the bundle is 3.4 MB of JavaScript, and V8 compiles each function the
 * first time it runs. Measured with `--log-function-events` on the 2-core
 * benchmark machine, parsing and compiling took about 0.3 s of a 2 s cold
 * build. Node 22 caches compiled code itself (`module.enableCompileCache`);
 * Node 20 only offers it for scripts compiled through `vm`, and only for
 * CommonJS-shaped code, hence this loader.
 *
 * The cache is made when coursebook is compiled (scripts/train-code-cache.mjs
 * builds the sample course and saves what V8 compiled). V8 checks it against
 * the source, its own version and its flags, and ignores a cache that does not
 * match: the bundle then compiles as usual, only slower.
 *
 * The bundle sees `import.meta.url` as the URL of `index.js` beside it (what
 * its modules use to find their siblings), and calls `__coursebookImport` for
 * the dynamic imports it keeps (shiki's grammars, chokidar), which a script
 * compiled through `vm` cannot make itself on Node 20.
 */
interface Core {
  exports: Record<string, unknown>
  script: Script
  cache: CodeCacheStatus
}

/** Whether the bundle started from the code cache: `used`, `rejected` by V8 (another Node, other flags), or `missing`. */
export type CodeCacheStatus = 'used' | 'rejected' | 'missing'

const here = new URL('.', import.meta.url)
const bundlePath = fileURLToPath(new URL('core.cjs', here))
const cachePath = `${bundlePath}.cache`
let loaded: Core | undefined

/** The bundle's exports, evaluated once per thread. */
export function loadCore(): Record<string, unknown> {
  loaded ??= evaluate()
  return loaded.exports
}

/** How this thread's bundle was compiled (see `CodeCacheStatus`). */
export function codeCacheStatus(): CodeCacheStatus {
  loadCore()
  return loaded!.cache
}

/** Save what V8 has compiled of the bundle so far, for the next process to start from. */
export function saveCodeCache(): void {
  writeFileSync(cachePath, loadCoreScript().createCachedData())
}

function loadCoreScript(): Script {
  loadCore()
  return loaded!.script
}

function evaluate(): Core {
  const source = readFileSync(bundlePath, 'utf8')
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cachePath)
  } catch {
    cachedData = undefined
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname, __coursebookModuleUrl, __coursebookImport) {${source}\n})`
  const script = new Script(wrapper, {filename: bundlePath, cachedData})
  const entry = new URL('index.js', here)
  const module = {exports: {} as Record<string, unknown>}
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run(module.exports, createRequire(entry), module, fileURLToPath(entry), fileURLToPath(here), entry.href, (specifier: string) => import(specifier))
  return {exports: module.exports, script, cache: cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}
}


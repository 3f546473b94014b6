import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {Script} from 'node:vm'
import {fileURLToPath} from 'node:url'
import {contentHash} from '../cache/digest.js'

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
 * its own version and flags, but checks the source only by its length, so the
 * cache file starts with the SHA-256 of the bundle it was made from and is
 * used only with that bundle. A cache that does not match is ignored: the
 * bundle then compiles as usual, only slower.
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
  /** The bundle's content hash, which the cache file starts with. */
  digest: string
}

/**
 * Whether the bundle started from the code cache: `used`; `rejected` by V8
 * (another Node, other flags); `stale` (made from another bundle); `missing`.
 */
export type CodeCacheStatus = 'used' | 'rejected' | 'stale' | 'missing'

/** Hex SHA-256, as `contentHash` gives it. */
const DIGEST_LENGTH = 64

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
  loadCore()
  writeFileSync(cachePath, Buffer.concat([Buffer.from(loaded!.digest, 'latin1'), loaded!.script.createCachedData()]))
}

function evaluate(): Core {
  const bytes = readFileSync(bundlePath)
  const digest = contentHash(bytes)
  let cache: CodeCacheStatus = 'missing'
  let cachedData: Buffer | undefined
  try {
    const stored = readFileSync(cachePath)
    if (stored.subarray(0, DIGEST_LENGTH).toString('latin1') === digest) cachedData = stored.subarray(DIGEST_LENGTH)
    else cache = 'stale'
  } catch {
    cachedData = undefined
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname, __coursebookModuleUrl, __coursebookImport) {${bytes.toString('utf8')}\n})`
  const script = new Script(wrapper, {filename: bundlePath, cachedData})
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used'
  const entry = new URL('index.js', here)
  const module = {exports: {} as Record<string, unknown>}
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run(module.exports, createRequire(entry), module, fileURLToPath(entry), fileURLToPath(here), entry.href, (specifier: string) => import(specifier))
  return {exports: module.exports, script, cache, digest}
}

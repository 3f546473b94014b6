#!/usr/bin/env node
// Make lib/bundle/core.cjs.cache: build the sample course once through the
// bundle (into a temporary folder, without the page cache), then save what V8
// compiled, so that every later `coursebook` command starts from compiled code
// (src/start/core-loader.ts says why). Run by `npm run compile`, after
// scripts/bundle.mjs and scripts/precompile-grammars.mjs.
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const loader = await import(join(root, 'lib', 'bundle', 'core-loader.js'))
const {build} = loader.loadCore()
const out = mkdtempSync(join(tmpdir(), 'coursebook-train-'))
try {
  // Without the helper thread, so that this thread compiles the Markdown parser and the highlighter too: a build's main thread still parses the pages the helper has not reached.
  const result = await build({configPath: join(root, 'site.config.ts'), outDir: out, cache: false, helperThread: false})
  loader.saveCodeCache()
  const size = statSync(join(root, 'lib', 'bundle', 'core.cjs.cache')).size
  console.log(`code cache: ${(size / 1048576).toFixed(1)} MB, from a build of ${result.pages.length} sample pages`)
} catch (error) {
  // Without the cache coursebook works the same, only starts slower: an install should not fail over it.
  console.warn(`code cache not made (${error.message}); coursebook will compile its code on each start`)
} finally {
  rmSync(out, {recursive: true, force: true})
}

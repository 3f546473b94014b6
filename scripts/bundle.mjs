#!/usr/bin/env node
// Bundle the compiled JavaScript in lib/src into lib/bundle, the code that
// `coursebook` (bin/coursebook.js) and `import … from 'coursebook'` run.
//
// Why: the pipeline's dependencies are several hundred small ES modules
// (unified, micromark, mdast/hast utilities, shiki, KaTeX). Node 20 resolves,
// reads and compiles each one separately; measured on the 2-core benchmark
// machine, importing the build entry and the page renderers took 650–700 ms
// from lib/src and about 200 ms bundled. That is most of a no-change build
// and a fifth of a cold one. Node 22's compile cache would help too; Node 20
// has none.
//
// The bundle is flat (every entry and chunk in lib/bundle), so code that finds
// a sibling by `new URL('./x.js', import.meta.url)` (the page worker, the TikZ
// worker, coursebook's own entry for jiti's alias) finds it whichever chunk it
// ended up in. Packages that load files beside their own modules at run time
// (node-tikzjax's TeX files, xmllint-wasm's WebAssembly) or that are loaded
// only on demand (jiti, chokidar) stay external and are imported from
// node_modules as before.
import {build} from 'esbuild'
import {rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const compiled = join(root, 'lib', 'src')
const outdir = join(root, 'lib', 'bundle')

/** Entry name (the file in lib/bundle) → compiled module in lib/src. */
const entries = {
  index: 'index.js',
  cli: 'cli/index.js',
  'page-worker': 'pipeline/page-worker.js',
  'tikzjax-worker': 'transform/tikz/engines/tikzjax-worker.js',
  // For the incremental benchmark, which drives a dev session directly.
  'dev-session': 'dev/session.js',
}

rmSync(outdir, {recursive: true, force: true})
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(compiled, file)])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // shiki's grammars and themes are loaded one by one on first use: they stay in node_modules.
  external: ['jiti', 'node-tikzjax', 'xmllint-wasm', 'chokidar', '@shikijs/langs/*', '@shikijs/themes/*'],
  // The libraries' own tree walks use coursebook's walker (src/pipeline/visit.ts says why).
  alias: {'unist-util-visit-parents': join(compiled, 'pipeline', 'visit.js')},
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: {js: "import {createRequire as __coursebookRequire} from 'node:module'; const require = __coursebookRequire(import.meta.url);"},
  sourcemap: 'linked',
  logLevel: 'warning',
})

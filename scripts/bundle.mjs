#!/usr/bin/env node
// Bundle the compiled JavaScript in lib/src into lib/bundle, the code that
// `coursebook` (bin/coursebook.js) and `import … from 'coursebook'` run.
//
// Why: the pipeline's dependencies are several hundred small ES modules
// (unified, micromark, mdast/hast utilities, shiki, KaTeX). Node 20 resolves,
// reads and compiles each one separately; measured on the 2-core benchmark
// machine, importing the build entry and the page renderers took 650–700 ms
// from lib/src and about 200 ms bundled.
//
// Two bundles:
// - `core.cjs`: the API, the CLI and the dev session as one CommonJS script,
//   which src/start/core-loader.ts runs with V8's code cache (it says why).
//   `index.js`, `cli.js` and `dev-session.js` are small ES modules that load
//   it and re-export what their names say.
// - ES modules with shared chunks for the code that runs in worker threads
//   (the page worker, the TikZ worker) and for the loader itself.
//
// Everything is flat (every file in lib/bundle), so code that finds a sibling
// by `new URL('./x.js', import.meta.url)` (the page worker, the TikZ worker,
// coursebook's own entry for jiti's alias) finds it from any of them. Packages
// that load files beside their own modules at run time (node-tikzjax's TeX
// files, xmllint-wasm's WebAssembly) or that are loaded only on demand (jiti,
// chokidar) stay external and are loaded from node_modules as before.
import {build} from 'esbuild'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const compiled = join(root, 'lib', 'src')
const outdir = join(root, 'lib', 'bundle')

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // shiki's grammars and themes are loaded one by one on first use: they stay in node_modules.
  external: ['jiti', 'node-tikzjax', 'xmllint-wasm', 'chokidar', '@shikijs/langs/*', '@shikijs/themes/*'],
  // The libraries' own tree walks use coursebook's walker (src/pipeline/visit.ts says why).
  alias: {'unist-util-visit-parents': join(compiled, 'pipeline', 'visit.js')},
  sourcemap: 'linked',
  logLevel: 'warning',
}

rmSync(outdir, {recursive: true, force: true})

// The worker threads' code and the loader, as ES modules.
await build({
  ...shared,
  entryPoints: {
    'page-worker': join(compiled, 'pipeline/page-worker.js'),
    'tikzjax-worker': join(compiled, 'transform/tikz/engines/tikzjax-worker.js'),
    'ahead-worker': join(compiled, 'pipeline/ahead/ahead-worker.js'),
    'core-loader': join(compiled, 'start/core-loader.js'),
  },
  outdir,
  splitting: true,
  format: 'esm',
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: {js: "import {createRequire as __coursebookRequire} from 'node:module'; const require = __coursebookRequire(import.meta.url);"},
})

// The API, the CLI and the dev session as one CommonJS script.
const core = join(outdir, 'core.cjs')
const {metafile} = await build({
  ...shared,
  stdin: {
    contents: "export * from './index.js'; export {main} from './cli/index.js'; export {DevSession} from './dev/session.js'",
    resolveDir: compiled,
    sourcefile: 'core-entry.js',
  },
  outfile: core,
  format: 'cjs',
  define: {'import.meta.url': '__coursebookModuleUrl'},
  metafile: true,
})
// A script compiled through `vm` cannot `import()` on Node 20: the loader passes in a function that can.
let text = readFileSync(core, 'utf8')
for (const {path, kind, external} of Object.values(metafile.outputs).flatMap((o) => o.imports)) {
  if (kind !== 'dynamic-import' || !external) continue
  const call = `import(${JSON.stringify(path)})`
  if (!text.includes(call)) throw new Error(`bundle.mjs: expected ${call} in core.cjs`)
  text = text.replaceAll(call, `__coursebookImport(${JSON.stringify(path)})`)
}
writeFileSync(core, text)

// The entries: each loads the core and re-exports its part.
const api = Object.keys(await import(pathToFileURL(join(compiled, 'index.js')).href))
const entry = (names) => `import {loadCore} from './core-loader.js'\nconst core = loadCore()\n${names.map((n) => `export const ${n} = core.${n}`).join('\n')}\n`
writeFileSync(join(outdir, 'index.js'), entry(api))
writeFileSync(join(outdir, 'cli.js'), entry(['main']))
writeFileSync(join(outdir, 'dev-session.js'), entry(['DevSession']))

// One cold build in a fresh process, for scripts/bench.mjs: prints a JSON line
// with the build time, the page count and the peak RSS of this process.
import {pathToFileURL} from 'node:url'
import {resolve} from 'node:path'

const started = performance.now()
const {build} = await import(pathToFileURL(resolve(import.meta.dirname, '../lib/src/index.js')).href)
const result = await build({configPath: process.argv[2]})
const buildMs = performance.now() - started
const errors = result.diagnostics.filter((d) => d.severity === 'error').length
if (errors) console.error(`${errors} errors in the benchmark build`)
console.log(JSON.stringify({buildMs, pages: result.pages.length, maxRssKB: process.resourceUsage().maxRSS}))

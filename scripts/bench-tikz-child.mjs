// One build in a fresh process for scripts/bench-tikz.mjs: `cold` removes every
// cache first; `warm` keeps the TikZ cache and turns the page cache off, so each
// page is rendered and each diagram read from the cache. Prints a JSON line.
// Usage: node bench-tikz-child.mjs CONFIG true|false
import {rmSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'

const [config, warm] = [process.argv[2], process.argv[3] === 'true']
if (!warm) rmSync(join(dirname(config), '.coursebook'), {recursive: true, force: true})
const lib = (path) => import(pathToFileURL(resolve(import.meta.dirname, '../lib/src', path)).href)
const [{build}, {renderStats, peakParallelRenders}] = await Promise.all([lib('index.js'), lib('transform/tikz/render.js')])
const cpu = process.cpuUsage()
const started = performance.now()
const result = await build({configPath: config, cache: false, outputs: {ouxml: false}})
const buildMs = performance.now() - started
const used = process.cpuUsage(cpu)
for (const d of result.diagnostics.filter((d) => d.ruleId.startsWith('tikz-') && d.severity !== 'info')) console.error(`  (${d.ruleId}: ${d.message})`)
console.log(JSON.stringify({
  buildMs,
  cpuMs: (used.user + used.system) / 1000,
  cores: availableParallelism(),
  maxRssKB: process.resourceUsage().maxRSS,
  ...renderStats,
  peakParallel: peakParallelRenders(),
}))

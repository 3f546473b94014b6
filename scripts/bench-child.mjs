// One cold build in a fresh process, for scripts/bench.mjs: prints a JSON line
// with the build time, the page count and the peak RSS of this process.
// Usage: node bench-child.mjs CONFIG [html|ouxml]
import {pathToFileURL} from 'node:url'
import {resolve} from 'node:path'
import {readFileSync} from 'node:fs'

const started = performance.now()
const {build} = await import(pathToFileURL(resolve(import.meta.dirname, '../lib/bundle/index.js')).href)
// Optional mode: `html` (the website alone, no OU-XML), `ouxml` (the export alone); default both.
const imported = performance.now() - started
const mode = process.argv[3]
const outputs = mode === 'html' ? {ouxml: false} : mode === 'ouxml' ? {html: false} : undefined
const result = await build({configPath: process.argv[2], outputs})
const buildMs = performance.now() - started
const errors = result.diagnostics.filter((d) => d.severity === 'error').length
if (errors) console.error(`${errors} errors in the benchmark build`)
const usage = process.resourceUsage()
// CPU time of every thread of the process, which other load on the machine disturbs less than wall time,
// and of the main thread alone: the rest is worker threads and V8's own (optimising compiler, garbage collector).
console.log(JSON.stringify({buildMs, timings: [{phase: 'import', ms: imported}, ...result.timings], cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, mainThreadCpuMs: mainThreadCpuMs(), pages: result.pages.length, maxRssKB: usage.maxRSS}))

/** The main thread's CPU time so far (user + system), from Linux's per-thread stat; undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

#!/usr/bin/env node
// Benchmark a full cold build: wall time (process start to exit), documents per
// second and peak memory (max RSS of the build process). Usage:
//   npm run bench [-- --corpus DIR] [-- --runs N] [-- --ouxml] [-- --tikz]
// `--ouxml` compares cold builds of the website alone, the website with the
// OU-XML export, and the export alone, and prints what the export adds.
// `--tikz` renders the TikZ fixture snippets cold and warm (see bench-tikz.mjs).
// Without --corpus it builds the corpus of ../shared/bench/gen_corpus.py (40 notebooks, 10 pages).
import {spawnSync, spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, copyFileSync, writeFileSync, rmSync} from 'node:fs'
import {join, resolve, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {availableParallelism} from 'node:os'
import {parseArgs} from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {corpus: {type: 'string'}, runs: {type: 'string', default: '3'}, incremental: {type: 'boolean', default: false}, tikz: {type: 'boolean', default: false}, ouxml: {type: 'boolean', default: false}},
  strict: false,
})
const work = join(root, '.bench')

function generatedCorpus() {
  const raw = join(work, 'raw')
  if (!existsSync(raw)) {
    const generator = resolve(root, '../shared/bench/gen_corpus.py')
    if (!existsSync(generator)) throw new Error(`No --corpus given and ${generator} is missing`)
    const run = spawnSync('python3', [generator, raw, '40', '10'], {stdio: 'inherit'})
    if (run.status !== 0) throw new Error('gen_corpus.py failed')
  }
  return raw
}

/** A flat folder of pages becomes a course of units of ten pages each (kept from the last run when it still matches). */
function courseFrom(dir) {
  if (existsSync(join(dir, 'site.config.ts'))) return join(dir, 'site.config.ts')
  const course = join(work, 'course')
  const config = join(course, 'site.config.ts')
  const files = readdirSync(dir).filter((f) => /\.(ipynb|md)$/.test(f)).sort()
  const placed = files.map((file, i) => [join(dir, file), join(course, 'content', `unit-${String(Math.floor(i / 10) + 1).padStart(2, '0')}`, file)])
  if (!matches(placed, join(course, 'content'))) {
    rmSync(course, {recursive: true, force: true})
    for (const [from, to] of placed) {
      mkdirSync(dirname(to), {recursive: true})
      copyFileSync(from, to)
    }
  }
  const source = `export default {code: 'BENCH', title: 'Benchmark corpus', binder: {repo: 'org/bench'}}\n`
  if (!existsSync(config) || readFileSync(config, 'utf8') !== source) writeFileSync(config, source)
  return {config, documents: files.length}
}

/**
 * Whether the course folder already holds exactly these files: then it is
 * kept, with its site. Recreating it deletes several hundred files, and on
 * the benchmark machine's ext4 a file created in the minutes after many
 * deletions cost up to a millisecond (the inode allocator steps over recently
 * freed inodes; perf shows find_inode_bit -> recently_deleted), which the
 * measured builds would pay for the harness.
 */
function matches(placed, content) {
  if (!existsSync(content)) return false
  const present = readdirSync(content, {recursive: true}).filter((f) => /\.(ipynb|md)$/.test(f))
  return present.length === placed.length && placed.every(([from, to]) => existsSync(to) && readFileSync(from).equals(readFileSync(to)))
}

/** Move the page cache out of the way for a cold run; deleted after the last run (see `matches` for why not now). */
const trash = join(work, 'trash')
let moved = 0
function clearCache() {
  const cache = join(dirname(config), '.coursebook')
  if (!existsSync(cache)) return
  mkdirSync(trash, {recursive: true})
  try {
    renameSync(cache, join(trash, String(moved++)))
  } catch {
    // Another file system (a --corpus elsewhere): deleted now after all.
    rmSync(cache, {recursive: true, force: true})
  }
}
process.on('exit', () => rmSync(trash, {recursive: true, force: true}))

function runOnce(config, mode) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [join(root, 'scripts/bench-child.mjs'), config, ...(mode ? [mode] : [])], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) => {
      const wall = performance.now() - started
      if (code !== 0) return reject(new Error(`build exited with ${code}`))
      resolvePromise({wall, ...JSON.parse(out.trim().split('\n').pop())})
    })
  })
}

if (values.tikz) {
  const {benchTikz} = await import('./bench-tikz.mjs')
  await benchTikz({runs: Number(values.runs)})
  process.exit(0)
}
const corpus = values.corpus ? resolve(values.corpus) : generatedCorpus()
const course = courseFrom(corpus)
const config = typeof course === 'string' ? course : course.config
if (values.incremental) {
  const {benchIncremental} = await import('./bench-incremental.mjs')
  await benchIncremental(config)
  process.exit(0)
}
/** `values.runs` cold builds (no page cache from an earlier run) in the given mode. */
async function coldRuns(mode) {
  const runs = []
  for (let i = 0; i < Number(values.runs); i++) {
    clearCache()
    runs.push(await runOnce(config, mode))
  }
  return runs
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
if (values.ouxml) {
  // Interleaved is fairer than three blocks on a machine whose load drifts; medians per mode.
  const modes = {html: [], both: [], ouxml: []}
  for (let i = 0; i < Number(values.runs); i++) {
    for (const mode of Object.keys(modes)) {
      clearCache()
      modes[mode].push(await runOnce(config, mode === 'both' ? undefined : mode))
    }
  }
  const time = (mode, key) => median(modes[mode].map((r) => r[key]))
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
  console.log(`corpus: ${corpus} (${modes.html[0].pages} documents), ${values.runs} cold runs per mode, medians`)
  for (const [mode, label] of [['html', 'website only'], ['both', 'website + OU-XML'], ['ouxml', 'OU-XML only (export ouxml)']]) {
    console.log(`${label.padEnd(28)} wall ${seconds(time(mode, 'wall'))} (build ${seconds(time(mode, 'buildMs'))}, CPU ${seconds(time(mode, 'cpuMs'))}), peak RSS ${(Math.max(...modes[mode].map((r) => r.maxRssKB)) / 1024).toFixed(0)} MB`)
  }
  const overhead = (key) => ((time('both', key) / time('html', key) - 1) * 100).toFixed(1)
  console.log(`the OU-XML export adds ${overhead('wall')}% to the wall time of a full build (${overhead('buildMs')}% of the build itself, ${overhead('cpuMs')}% of its CPU time); target: at most 20%`)
  process.exit(0)
}
const runs = await coldRuns()
const documents = runs[0].pages
const wall = median(runs.map((r) => r.wall))
console.log(`corpus: ${corpus} (${documents} documents)`)
for (const [i, r] of runs.entries()) {
  console.log(`run ${i + 1}: wall ${(r.wall / 1000).toFixed(2)} s (build ${(r.buildMs / 1000).toFixed(2)} s), ${cpuSplit(r)}, peak RSS ${(r.maxRssKB / 1024).toFixed(0)} MB`)
}
console.log(`median wall time: ${(wall / 1000).toFixed(2)} s`)
const medianRun = runs.find((r) => r.wall === wall)
console.log(`phases of that run: ${medianRun.timings.map((t) => `${t.phase} ${t.ms.toFixed(0)} ms`).join(', ')}`)
console.log(`documents per second: ${(documents / (wall / 1000)).toFixed(1)}`)
console.log(`peak memory (max RSS): ${(Math.max(...runs.map((r) => r.maxRssKB)) / 1024).toFixed(0)} MB`)
// However the work is shared between threads, a build cannot take less wall time than its CPU time spread over every core.
const cpu = median(runs.map((r) => r.cpuMs))
const cores = availableParallelism()
console.log(`CPU time (median): ${(cpu / 1000).toFixed(2)} s; on ${cores} cores no build doing this work can take less than ${(cpu / cores / 1000).toFixed(2)} s`)

/** A run's CPU time: the whole process, and the main thread's share where the platform tells it. */
function cpuSplit(run) {
  const total = `CPU ${(run.cpuMs / 1000).toFixed(2)} s`
  return run.mainThreadCpuMs === undefined ? total : `${total} (main thread ${(run.mainThreadCpuMs / 1000).toFixed(2)} s, other threads ${((run.cpuMs - run.mainThreadCpuMs) / 1000).toFixed(2)} s)`
}

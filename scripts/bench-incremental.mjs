// `npm run bench -- --incremental`: the author's edit loop on the benchmark corpus.
// A dev session (compiled lib/) serves and watches the course; ../shared/bench/touch_nb.py
// makes author-style edits. Reports, over 20 edits, the time from the notebook's write
// (its mtime) to the updated HTML on disk (the HTML's mtime), p50 and p95; the time of a
// no-change `coursebook build` in a fresh process; and the dev process's memory before
// and after 500 edits.
import {spawnSync} from 'node:child_process'
import {readdirSync, statSync, rmSync} from 'node:fs'
import {join, resolve, dirname, basename} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const touch = resolve(root, '../shared/bench/touch_nb.py')

export async function benchIncremental(configPath, {edits = 20, memoryEdits = 500} = {}) {
  const course = dirname(configPath)
  rmSync(join(course, 'dist'), {recursive: true, force: true})
  const {DevSession} = await import(pathToFileURL(join(root, 'lib/bundle/dev-session.js')).href)
  const session = new DevSession({configPath, port: 0, host: '127.0.0.1', onBuild: () => undefined})
  await session.start()
  const notebooks = readdirSync(join(course, 'content'), {recursive: true}).filter((f) => f.endsWith('.ipynb')).map((f) => join(course, 'content', f))
  const htmlOf = (nb) => {
    const unit = basename(dirname(nb))
    return join(course, 'dist', unit, basename(nb).replace(/\.ipynb$/, '.html').toLowerCase())
  }
  const editAndWait = async (nb) => {
    const html = htmlOf(nb)
    const before = statSync(html).mtimeMs
    const run = spawnSync('python3', [touch, nb])
    if (run.status !== 0) throw new Error(`touch_nb.py failed: ${run.stderr}`)
    const written = statSync(nb).mtimeMs
    // Poll the page itself: build counts can be moved by a second watcher event of an earlier write.
    for (let i = 0; i < 10000 && statSync(html).mtimeMs === before; i++) await new Promise((r) => setTimeout(r, 1))
    const updated = statSync(html).mtimeMs
    if (updated === before) throw new Error(`${html} was not rewritten within 10 s`)
    await session.settled()
    return updated - written
  }
  const latencies = []
  for (let i = 0; i < edits; i++) latencies.push(await editAndWait(notebooks[(i * 7) % notebooks.length]))
  latencies.sort((a, b) => a - b)
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]

  global.gc?.()
  const memoryBefore = process.memoryUsage().rss
  for (let i = 0; i < memoryEdits; i++) await editAndWait(notebooks[i % notebooks.length])
  global.gc?.()
  const memoryAfter = process.memoryUsage().rss
  await session.close()

  const started = performance.now()
  const noChange = spawnSync(process.execPath, [join(root, 'bin/coursebook.js'), 'build', '--config', configPath], {encoding: 'utf8'})
  const noChangeMs = performance.now() - started
  if (noChange.status !== 0) throw new Error(`no-change build failed: ${noChange.stderr}`)

  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0)
  console.log(`edit → updated HTML on disk, over ${edits} edits: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms (min ${latencies[0].toFixed(0)}, max ${latencies.at(-1).toFixed(0)})`)
  console.log(`no-change build (fresh process, warm cache): ${(noChangeMs / 1000).toFixed(2)} s — ${noChange.stdout.trim()}`)
  console.log(`dev process RSS before ${memoryEdits} edits: ${mb(memoryBefore)} MB, after: ${mb(memoryAfter)} MB (growth ${mb(memoryAfter - memoryBefore)} MB)`)
}

// `npm run bench -- --tikz [--runs N]`: TikZ rendering on the snippets of
// ../shared/fixtures/tikz that compile with pdflatex (INDEX.tsv `ok`), as
// notebooks of ten %%tikz cells (bare .tikz files as ```tikz fences). For each
// engine (tikzjax; latex too when latex and dvisvgm are installed) it builds
// the course in a fresh process (compiled lib/) cold (no caches), then warm
// (the TikZ cache kept, the page cache off, so every page is rendered again and
// every diagram comes from the cache), and a cold build of the first 20
// diagrams alone. Prints time per diagram, totals, CPU use (cores busy) and
// peak memory.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join, resolve, dirname} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = resolve(root, '../shared/fixtures/tikz')

/** The snippets that compile with pdflatex, as notebook cells or Markdown fences. */
async function snippets() {
  const {parseMagicCell} = await import(pathToFileURL(join(root, 'lib/src/transform/tikz/magic.js')).href)
  const ok = new Set(
    readFileSync(join(fixtures, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).filter((c) => c[5] === 'ok').map((c) => c[0]),
  )
  const cells = []
  for (const file of readdirSync(fixtures).filter((f) => ok.has(f)).sort()) {
    const lines = readFileSync(join(fixtures, file), 'utf8').split('\n')
    const body = lines.slice(lines.findIndex((l) => l.startsWith('% extracted verbatim')) + 1).join('\n').trimEnd()
    if (/^%%?[A-Za-z]/.test(body)) {
      if (parseMagicCell(body).kind === 'diagram') cells.push({cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: `${body.split('\n')[0]}\n% alt: ${file}\n${body.split('\n').slice(1).join('\n')}`})
    } else {
      cells.push({cell_type: 'markdown', metadata: {}, source: `\`\`\`tikz alt="${file}"\n${body}\n\`\`\``})
    }
  }
  return cells
}

function writeCourse(dir, cells, engine) {
  rmSync(dir, {recursive: true, force: true})
  for (let i = 0; i < cells.length; i += 10) {
    const unit = join(dir, 'content', 'unit-01')
    mkdirSync(unit, {recursive: true})
    const notebook = {nbformat: 4, nbformat_minor: 4, metadata: {language_info: {name: 'python'}}, cells: [{cell_type: 'markdown', metadata: {}, source: `# Diagrams ${i / 10 + 1}`}, ...cells.slice(i, i + 10)]}
    writeFileSync(join(unit, `${String(i / 10 + 1).padStart(2, '0')}-diagrams.ipynb`), JSON.stringify(notebook))
  }
  writeFileSync(join(dir, 'site.config.ts'), `export default {code: 'TIKZ', title: 'TikZ benchmark', tikz: {engine: '${engine}', timeout: 300}}\n`)
  return join(dir, 'site.config.ts')
}

function child(config, cache) {
  return new Promise((done, fail) => {
    const started = performance.now()
    const proc = spawn(process.execPath, [join(root, 'scripts/bench-tikz-child.mjs'), config, String(cache)], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    proc.stdout.on('data', (d) => (out += d))
    proc.on('exit', (code) => (code === 0 ? done({wall: performance.now() - started, ...JSON.parse(out.trim().split('\n').pop())}) : fail(new Error(`build exited with ${code}`))))
  })
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const s = (n) => `${(n / 1000).toFixed(2)} s`

export async function benchTikz({runs = 3} = {}) {
  if (!existsSync(join(fixtures, 'INDEX.tsv'))) throw new Error(`${fixtures} is missing`)
  const {latexAvailable} = await import(pathToFileURL(join(root, 'lib/src/transform/tikz/engines/detect.js')).href)
  const cells = await snippets()
  const engines = ['tikzjax', ...(latexAvailable() ? ['latex'] : [])]
  console.log(`${cells.length} diagrams (the INDEX.tsv "ok" snippets) in ${Math.ceil(cells.length / 10)} notebooks; ${runs} warm runs; engines: ${engines.join(', ')}`)
  for (const engine of engines) {
    const dir = join(root, '.bench', `tikz-${engine}`)
    const config = writeCourse(dir, cells, engine)
    const cold = await child(config, false)
    const warm = []
    for (let i = 0; i < runs; i++) warm.push(await child(config, true))
    const small = writeCourse(join(root, '.bench', `tikz-${engine}-20`), cells.slice(0, 20), engine)
    const twenty = await child(small, false)
    const w = {wall: median(warm.map((r) => r.wall)), transformMs: median(warm.map((r) => r.transformMs)), buildMs: median(warm.map((r) => r.buildMs))}
    console.log(`\n${engine}`)
    console.log(`  cold: ${cold.renders} renders; build ${s(cold.buildMs)} = ${ms(cold.buildMs / cold.diagrams)} per diagram; ` +
      `${cold.peakParallel} at once; CPU ${s(cold.cpuMs)} = ${(cold.cpuMs / cold.buildMs).toFixed(2)} cores busy; peak RSS ${(cold.maxRssKB / 1024).toFixed(0)} MB`)
    console.log(`  warm: ${warm[0].renders} renders, ${warm[0].cacheHits} from the cache; TikZ stage ${ms(w.transformMs)} = ${ms(w.transformMs / warm[0].diagrams)} per diagram; ` +
      `whole build ${s(w.buildMs)} = ${ms(w.buildMs / warm[0].diagrams)} per diagram (wall with start-up ${s(w.wall)}); peak RSS ${(Math.max(...warm.map((r) => r.maxRssKB)) / 1024).toFixed(0)} MB`)
    console.log(`  cold, first 20 diagrams: build ${s(twenty.buildMs)}, ${twenty.peakParallel} rendering at once, CPU ${s(twenty.cpuMs)} = ${(twenty.cpuMs / twenty.buildMs).toFixed(2)} cores busy (of ${twenty.cores}); peak RSS ${(twenty.maxRssKB / 1024).toFixed(0)} MB`)
  }
}

import {spawn} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TexDocument} from '../document.js'
import type {Engine, RenderOutcome} from './types.js'
import {commandOutput} from './detect.js'

/**
 * A TeX installation: `latex` to DVI, then `dvisvgm --font-format=woff2`
 * (fonts embedded, so the SVG looks right anywhere), in a fresh temporary
 * folder per diagram, at most `parallel` at a time. Shell escape is off. The
 * timeout covers both programs; a late one is killed.
 */
export function createLatexEngine(parallel: number): Engine {
  let running = 0
  let peak = 0
  const waiting: Array<() => void> = []
  const acquire = async () => {
    if (running >= parallel) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    peak = Math.max(peak, running)
  }
  const release = () => {
    running--
    waiting.shift()?.()
  }
  let version: Promise<string> | undefined

  return {
    name: 'latex',
    lineOffset: 0,
    version: () => (version ??= latexVersion()),
    peakBusy: () => peak,
    async render(document: TexDocument, timeoutMs: number): Promise<RenderOutcome> {
      await acquire()
      const dir = await mkdtemp(join(tmpdir(), 'coursebook-tikz-'))
      try {
        return await compile(dir, document.text, Date.now() + timeoutMs)
      } finally {
        release()
        await rm(dir, {recursive: true, force: true}).catch(() => undefined)
      }
    },
    async close() {},
  }
}

async function compile(dir: string, text: string, deadline: number): Promise<RenderOutcome> {
  await writeFile(join(dir, 'diagram.tex'), text)
  const latex = await run('latex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'diagram.tex'], dir, deadline)
  if (latex === 'timeout') return {ok: false, reason: 'timeout'}
  if (latex.code !== 0) {
    const log = await readFile(join(dir, 'diagram.log'), 'utf8').catch(() => latex.output)
    return {ok: false, reason: 'tex', log}
  }
  const dvisvgm = await run('dvisvgm', ['--font-format=woff2', '-e', '--page=1', '--output=diagram.svg', 'diagram.dvi'], dir, deadline)
  if (dvisvgm === 'timeout') return {ok: false, reason: 'timeout'}
  if (dvisvgm.code !== 0) return {ok: false, reason: 'crash', message: `dvisvgm failed: ${lastLines(dvisvgm.output)}`}
  const [svg, log] = await Promise.all([readFile(join(dir, 'diagram.svg'), 'utf8'), readFile(join(dir, 'diagram.log'), 'utf8').catch(() => '')])
  return {ok: true, svg, log}
}

function run(command: string, args: string[], cwd: string, deadline: number): Promise<{code: number; output: string} | 'timeout'> {
  return new Promise((resolve) => {
    // max_print_line: TeX wraps its messages at 79 columns unless told otherwise.
    const child = spawn(command, args, {cwd, env: {...process.env, max_print_line: '10000'}, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('timeout')
    }, Math.max(0, deadline - Date.now()))
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({code: -1, output: error.message})
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: code ?? -1, output})
    })
  })
}

async function latexVersion(): Promise<string> {
  const [latex, dvisvgm] = await Promise.all([commandOutput('latex', ['--version']), commandOutput('dvisvgm', ['--version'])])
  return `${latex.split('\n')[0]?.trim()} + ${dvisvgm.split('\n')[0]?.trim()}`
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim()
}

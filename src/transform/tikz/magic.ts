import type {TikzSpec} from './spec.js'
import {parseArgs, splitArgs, type OptionDef} from './magic-args.js'
import {circuitikzOptions, dialectSpec, itikzOptions, jupyterTikzOptions, tikzmagicOptions, type Dialect} from './magic-dialects.js'

export type {Dialect} from './magic-dialects.js'

/** `tikz.magic`: how `%%tikz` cells are read; `auto` guesses per cell. */
export type MagicSetting = 'auto' | 'tikzmagic' | 'jupyter-tikz'

/** What a code cell is, as far as TikZ goes. */
export type MagicCell =
  | {kind: 'none'}
  | {kind: 'skip'; dialect: Dialect; reason: string}
  | {
      kind: 'diagram'
      dialect: Dialect
      spec: TikzSpec
      /** 1-based line of the cell where `spec.source` starts. */
      sourceLine: number
      /** Set when the dialect was a guess that changes the result: says which and why. */
      assumed?: string
      /** Option words the dialect does not have. */
      unknown: string[]
    }

const DEFS: Record<Dialect, readonly OptionDef[]> = {
  tikzmagic: tikzmagicOptions,
  'jupyter-tikz': jupyterTikzOptions,
  itikz: itikzOptions,
  circuitikz: circuitikzOptions,
}

/**
 * Read a code cell that starts with a TikZ magic: `%%tikz` (IPython
 * tikzmagic or jupyter-tikz, told apart by `setting` or by their options),
 * `%%itikz`, `%%circuitikz`, or a one-line `%tikz \draw …;`. A cell whose
 * options or body need the live notebook (`$variables`, Jinja templates, a
 * variable name as the code) is a `skip`; `--no-compile` and help requests
 * are `none`.
 */
export function parseMagicCell(cellSource: string, setting: MagicSetting = 'auto'): MagicCell {
  const newline = cellSource.indexOf('\n')
  const firstLine = (newline < 0 ? cellSource : cellSource.slice(0, newline)).replace(/\r$/, '')
  const found = /^%%(tikz|itikz|circuitikz)(?:[ \t]+(.*))?$/.exec(firstLine.trimEnd())
  if (found) return cellMagic(found[1]!, found[2] ?? '', newline < 0 ? '' : cellSource.slice(newline + 1), setting)
  const line = /^%tikz(?:[ \t]+(.*))?$/.exec(firstLine.trimEnd())
  if (line && cellSource.slice(newline < 0 ? cellSource.length : newline).trim() === '') return lineMagic(line[1] ?? '', setting)
  return {kind: 'none'}
}

function cellMagic(name: string, argLine: string, body: string, setting: MagicSetting): MagicCell {
  const words = splitArgs(argLine)
  const guess: Guess = name === 'itikz' ? {dialect: 'itikz'} : name === 'circuitikz' ? {dialect: 'circuitikz'} : guessDialect(words, setting)
  const args = name === 'circuitikz' ? {options: [], positionals: [], unknown: []} : parseArgs(words, DEFS[guess.dialect])
  const variable = words.find((word) => /\$[A-Za-z_]/.test(word))
  if (variable) return {kind: 'skip', dialect: guess.dialect, reason: `its options use the notebook variable ${/\$[A-Za-z_]\w*/.exec(variable)![0]}`}
  const result = dialectSpec(guess.dialect, args, body)
  if ('none' in result) return {kind: 'none'}
  if ('skip' in result) return {kind: 'skip', dialect: guess.dialect, reason: result.skip}
  const cell: MagicCell = {kind: 'diagram', dialect: guess.dialect, spec: result.spec, sourceLine: 2, unknown: args.unknown}
  if (guess.assumed) cell.assumed = guess.assumed
  return cell
}

function lineMagic(argLine: string, setting: MagicSetting): MagicCell {
  if (argLine.trim().startsWith('?') || argLine.trim() === '') return {kind: 'none'}
  const words = splitArgs(argLine)
  const guess = guessDialect(words, setting)
  const variable = /\$[A-Za-z_]\w*/.exec(argLine)
  if (variable) return {kind: 'skip', dialect: guess.dialect, reason: `it draws the notebook variable ${variable[0]}`}
  if (guess.dialect !== 'tikzmagic') return {kind: 'skip', dialect: guess.dialect, reason: 'the line magic draws a notebook variable'}
  // tikzmagic joins the words after the options into the code: `%tikz \draw (0,0) rectangle (1,1);`
  const args = parseArgs(words, tikzmagicOptions)
  const code = args.positionals.join(' ')
  if (/^[A-Za-z_]\w*$/.test(code)) return {kind: 'skip', dialect: guess.dialect, reason: `it draws the notebook variable "${code}"`}
  const result = dialectSpec('tikzmagic', {...args, positionals: []}, code)
  if (!('spec' in result)) return {kind: 'none'}
  return {kind: 'diagram', dialect: 'tikzmagic', spec: result.spec, sourceLine: 1, unknown: args.unknown}
}

interface Guess {
  dialect: Dialect
  assumed?: string
}

const names = (defs: readonly OptionDef[]) => new Set(defs.flatMap((d) => d.names))
const TIKZMAGIC = names(tikzmagicOptions)
const JUPYTER_TIKZ = names(jupyterTikzOptions)

/**
 * Tell tikzmagic from jupyter-tikz by their options. An option only one of
 * them has decides; so does the shape of a shared option's value (`-s 400,300`
 * is a tikzmagic size, `-s=code.tex` a jupyter-tikz file; `-p pgfplots`
 * packages, `-p "\usepackage…"` a preamble; `-f svg` a tikzmagic format).
 * When nothing decides and an option means different things in the two,
 * tikzmagic (the OU's magic) is assumed and `assumed` says so.
 */
export function guessDialect(words: readonly string[], setting: MagicSetting): Guess {
  if (setting !== 'auto') return {dialect: setting}
  let tikzmagic = 0
  let jupyterTikz = 0
  const differing: string[] = []
  words.forEach((word, i) => {
    if (!/^--?[A-Za-z]/.test(word)) return
    const [name = '', attached] = word.split(/=(.*)/s)
    const value = attached ?? (words[i + 1] && !words[i + 1]!.startsWith('-') ? words[i + 1] : undefined)
    const inTikzmagic = TIKZMAGIC.has(name)
    const inJupyterTikz = JUPYTER_TIKZ.has(name)
    if (inTikzmagic && !inJupyterTikz) tikzmagic++
    else if (inJupyterTikz && !inTikzmagic) jupyterTikz++
    else if (inTikzmagic && inJupyterTikz) {
      const vote = sharedOptionVote(name, value, attached !== undefined)
      if (vote === 'tikzmagic') tikzmagic++
      else if (vote === 'jupyter-tikz') jupyterTikz++
      else if (vote === 'differs') differing.push(name)
    }
  })
  if (tikzmagic > jupyterTikz) return {dialect: 'tikzmagic', ...(jupyterTikz > 0 ? {assumed: conflict('tikzmagic')} : {})}
  if (jupyterTikz > tikzmagic) return {dialect: 'jupyter-tikz', ...(tikzmagic > 0 ? {assumed: conflict('jupyter-tikz')} : {})}
  if (tikzmagic > 0 || differing.length > 0) {
    const which = [...new Set(differing)].join(', ') || 'its options'
    return {dialect: 'tikzmagic', assumed: `read as IPython tikzmagic (the OU's %%tikz): ${which} could also be jupyter-tikz, where it means something else`}
  }
  return {dialect: 'tikzmagic'}
}

function conflict(chosen: Dialect): string {
  return `read as ${chosen === 'tikzmagic' ? 'IPython tikzmagic' : 'jupyter-tikz'}: its options mix both magics, and that one had more of them`
}

/** How a shared option's value votes: for a dialect, `same` when both read it alike, `differs` when unclear. */
function sharedOptionVote(name: string, value: string | undefined, attached: boolean): Dialect | 'same' | 'differs' {
  switch (name) {
    case '-l':
    case '-sc':
      return attached ? 'jupyter-tikz' : 'same'
    case '-s':
      if (value && /^\d+(\.\d+)?\s*,\s*\d+(\.\d+)?$/.test(value)) return 'tikzmagic'
      if (value && /^\d*\.?\d+$/.test(value)) return 'tikzmagic'
      return value ? 'jupyter-tikz' : 'differs'
    case '-p':
      if (value && /[\\$]/.test(value)) return 'jupyter-tikz'
      return attached ? 'jupyter-tikz' : 'differs'
    case '-f':
      return value && /^(png|svg|jpe?g)$/i.test(value) ? 'tikzmagic' : 'jupyter-tikz'
    case '-e':
      return value && /^[A-Za-z][\w-]*\d/.test(value) ? 'tikzmagic' : 'jupyter-tikz'
    case '-S':
      return 'same'
    default:
      return 'differs'
  }
}


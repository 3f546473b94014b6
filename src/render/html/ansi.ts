import Anser from 'anser'
import type {ElementContent, Properties} from 'hast'

/**
 * Terminal text (streams, tracebacks, `text/plain` reprs) to hast.
 *
 * Anser only understands CSI sequences, so everything else a terminal would
 * swallow (OSC hyperlinks, DCS, cursor moves, lone ESC, C0/C1 controls) is
 * removed first; anser then sees nothing but SGR colour codes.
 */

// One escape sequence: CSI (params, intermediates, optional final byte, so a
// truncated `ESC [` still matches), a string sequence (OSC/DCS/SOS/PM/APC) ended
// by BEL or ST (or, when unterminated, the end of the line), or a short ESC form.
const ESCAPE_SEQUENCE =
  /\x1b(?:\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e]?)|[\]PX^_](?:[^\x07\x1b]*(?:\x07|\x1b\\)|[^\x07\x1b\n]*)|[\x20-\x2f]*[\x30-\x7e]?)/g
const SGR = /\x1b\[[\d;]*m/g
// Controls that never reach the page. ESC and CR are dealt with before this runs.
const STRAY_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g
const ALL_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g

const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']
const NAMED = /^ansi-((?:bright-)?(?:black|red|green|yellow|blue|magenta|cyan|white))$/
const PALETTE = /^ansi-palette-(\d{1,3})$/
const RGB = /^(\d{1,3}), ?(\d{1,3}), ?(\d{1,3})$/
const DECORATIONS = new Set(['bold', 'dim', 'italic', 'underline'])

/**
 * Convert text with ANSI escape codes to hast: unstyled runs become text
 * nodes, styled runs `<span>`s with `ansi-<colour>-fg|bg` (and `bright-`)
 * classes, `ansi-bold|dim|italic|underline`, and an inline `rgb()` style for
 * 256-colour and truecolour. Text without codes gives one text node. The
 * result never contains ESC or any C0/C1 control character except `\n` and
 * `\t`; a `\r` overwrites its line as in a terminal. Never throws.
 */
export function ansiToHast(text: string): ElementContent[] {
  if (typeof text !== 'string' || text === '') return []
  const entries = Anser.ansiToJson(prepare(text), {use_classes: true, remove_empty: true})
  const result: ElementContent[] = []
  for (const entry of entries) {
    const value = entry.content.replace(ALL_CONTROLS, '')
    if (value === '') continue
    const properties = styleOf(entry)
    const previous = result.at(-1)
    if (properties) {
      result.push({type: 'element', tagName: 'span', properties, children: [{type: 'text', value}]})
    } else if (previous?.type === 'text') {
      previous.value += value
    } else {
      result.push({type: 'text', value})
    }
  }
  return result
}

/** The visible text of terminal output: codes and control characters removed, as `ansiToHast` shows it. */
export function ansiToText(text: string): string {
  if (typeof text !== 'string') return ''
  return prepare(text).replace(SGR, '').replace(ALL_CONTROLS, '')
}

function prepare(text: string): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, (match, params?: string, between?: string, final?: string) =>
    final === 'm' && between === '' && /^[\d;]*$/.test(params ?? '') ? match : '',
  )
  return applyCarriageReturns(withoutSequences.replace(STRAY_CONTROLS, ''))
}

// A lone `\r` returns to the start of the line, so the last visible segment
// wins (progress bars). Colour codes in overwritten segments still change the
// terminal state, so they are kept.
function applyCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text
  return text
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => {
      const parts = line.split('\r')
      let keep = parts.length - 1
      while (keep > 0 && parts[keep]!.replace(SGR, '') === '') keep--
      return parts.map((part, index) => (index === keep ? part : (part.match(SGR) ?? []).join(''))).join('')
    })
    .join('\n')
}

function styleOf(entry: Anser.AnserJsonEntry): Properties | undefined {
  const classes: string[] = []
  const styles: string[] = []
  addColour(entry.fg, entry.fg_truecolor, 'fg', classes, styles)
  addColour(entry.bg, entry.bg_truecolor, 'bg', classes, styles)
  for (const decoration of entry.decorations ?? []) {
    const name = `ansi-${decoration}`
    if (DECORATIONS.has(decoration) && !classes.includes(name)) classes.push(name)
  }
  if (classes.length === 0 && styles.length === 0) return undefined
  const properties: Properties = {}
  if (classes.length > 0) properties.className = classes
  if (styles.length > 0) properties.style = styles.join('; ')
  return properties
}

function addColour(
  colour: string | null | undefined,
  truecolour: string | null | undefined,
  layer: 'fg' | 'bg',
  classes: string[],
  styles: string[],
): void {
  if (!colour) return
  const property = layer === 'fg' ? 'color' : 'background-color'
  const named = NAMED.exec(colour)
  if (named) {
    classes.push(`ansi-${named[1]}-${layer}`)
    return
  }
  const palette = PALETTE.exec(colour)
  if (palette) {
    const index = Number(palette[1])
    if (index < 16) classes.push(`ansi-${index >= 8 ? 'bright-' : ''}${COLOURS[index % 8]}-${layer}`)
    else if (index < 256) styles.push(`${property}: rgb(${paletteRgb(index).join(', ')})`)
    return
  }
  const rgb = colour === 'ansi-truecolor' && truecolour ? RGB.exec(truecolour) : null
  if (rgb) styles.push(`${property}: rgb(${rgb[1]}, ${rgb[2]}, ${rgb[3]})`)
}

// xterm's 256-colour palette: a 6×6×6 cube from 16, then 24 greys from 232.
function paletteRgb(index: number): [number, number, number] {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10
    return [grey, grey, grey]
  }
  const levels = [0, 95, 135, 175, 215, 255]
  const cube = index - 16
  return [levels[Math.floor(cube / 36)]!, levels[Math.floor(cube / 6) % 6]!, levels[cube % 6]!]
}

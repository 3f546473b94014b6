import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {ansiToHast, ansiToText} from '../../src/render/html/ansi.js'
import {classesOf, textOf} from './notebook-html.js'

const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']
// Every C0 control except \t and \n, DEL, and the C1 block.
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/

function html(text: string): string {
  return toHtml({type: 'root', children: ansiToHast(text)})
}

function parse(text: string): Root {
  return fromHtml(`<pre>${html(text)}</pre>`, {fragment: true})
}

function spanStyle(span: Element | undefined): string {
  return String(span?.properties.style ?? '')
}

describe('ansiToHast', () => {
  it('gives one text node for plain text', () => {
    expect(ansiToHast('hello\n\tworld')).toEqual([{type: 'text', value: 'hello\n\tworld'}])
  })

  it('gives nothing for empty or non-string input', () => {
    expect(ansiToHast('')).toEqual([])
    expect(ansiToHast(undefined as unknown as string)).toEqual([])
  })

  it.each(COLOURS.map((name, i) => [name, i] as const))('maps colour %s to fg/bg and bright classes', (name, i) => {
    const tree = parse(`\x1b[${30 + i}ma\x1b[${90 + i}mb\x1b[0m\x1b[${40 + i}mc\x1b[${100 + i}md`)
    expect(textOf(select(`span.ansi-${name}-fg`, tree))).toBe('a')
    expect(textOf(select(`span.ansi-bright-${name}-fg`, tree))).toBe('b')
    expect(textOf(select(`span.ansi-${name}-bg`, tree))).toBe('c')
    expect(textOf(select(`span.ansi-bright-${name}-bg`, tree))).toBe('d')
  })

  it('maps palette colours 0–15 to the named classes', () => {
    const tree = parse('\x1b[38;5;1ma\x1b[0m\x1b[38;5;12mb\x1b[0m\x1b[48;5;6mc')
    expect(textOf(select('span.ansi-red-fg', tree))).toBe('a')
    expect(textOf(select('span.ansi-bright-blue-fg', tree))).toBe('b')
    expect(textOf(select('span.ansi-cyan-bg', tree))).toBe('c')
    expect(selectAll('span[class*=palette]', tree)).toHaveLength(0)
  })

  it('uses inline rgb() for 256-colour and truecolour', () => {
    const tree = parse('\x1b[38;5;196mcube\x1b[0m \x1b[48;5;244mgrey\x1b[0m \x1b[38;2;10;20;30mtrue')
    const [cube, grey, truecolour] = selectAll('span', tree)
    expect(textOf(cube)).toBe('cube')
    expect(spanStyle(cube)).toBe('color: rgb(255, 0, 0)')
    expect(spanStyle(grey)).toBe('background-color: rgb(128, 128, 128)')
    expect(spanStyle(truecolour)).toBe('color: rgb(10, 20, 30)')
  })

  it('marks bold, dim, italic and underline', () => {
    const tree = parse('\x1b[1mB\x1b[0m\x1b[2mD\x1b[0m\x1b[3mI\x1b[0m\x1b[4mU\x1b[0m\x1b[1;4;31mall')
    for (const [name, text] of [['bold', 'B'], ['dim', 'D'], ['italic', 'I'], ['underline', 'U']]) {
      expect(textOf(select(`span.ansi-${name}`, tree))).toBe(text)
    }
    expect(classesOf(selectAll('span', tree).at(-1))).toEqual(['ansi-red-fg', 'ansi-bold', 'ansi-underline'])
  })

  it('ends a span at a reset and keeps the rest as text', () => {
    const nodes = ansiToHast('\x1b[31mred\x1b[0m plain')
    expect(nodes).toHaveLength(2)
    expect(nodes[1]).toEqual({type: 'text', value: ' plain'})
  })

  it('strips OSC 8 hyperlinks but keeps their text', () => {
    const text = 'see \x1b]8;;https://example.org/x\x1b\\the docs\x1b]8;;\x1b\\ and \x1b]8;;https://a.b\x07more\x1b]8;;\x07.'
    expect(textOf(parse(text))).toBe('see the docs and more.')
  })

  it('strips cursor movement, erase-line, private modes and a lone trailing CSI', () => {
    const text = 'a\x1b[2Ab\x1b[10Gc\x1b[Kd\x1b[?25le\x1b[2Jf\x1b7g\x1b(Bh\x1b['
    expect(textOf(parse(text))).toBe('abcdefgh')
    expect(html('tail\x1b')).toBe('tail')
  })

  it('keeps the colour across a non-colour sequence', () => {
    const tree = parse('\x1b[32mok\x1b[K still green\x1b[0m')
    expect(textOf(select('span.ansi-green-fg', tree))).toBe('ok still green')
  })

  it('strips C0 and C1 control characters but keeps \\n and \\t', () => {
    expect(html('a\x00b\x07c\x08d\x0be\x0cf\x0eg\x1fh\x7fi\x9bj\n\tk')).toBe('abcdefghij\n\tk')
  })

  it('lets a carriage return overwrite its line, as a terminal does', () => {
    expect(textOf(parse(' 10%\r 50%\r100%\ndone\r\n'))).toBe('100%\ndone\n')
    expect(textOf(parse('kept\r\x07\x1b[K'))).toBe('kept')
    const tree = parse('\x1b[34m 10%\r\x1b[0m\r\x1b[1m100%')
    expect(textOf(select('span.ansi-bold', tree))).toBe('100%')
    expect(select('span.ansi-blue-fg', tree)).toBeUndefined()
  })

  it('escapes markup in terminal text', () => {
    const tree = parse('\x1b[31m<script>alert(1)</script>')
    expect(select('script', tree)).toBeUndefined()
    expect(textOf(select('span.ansi-red-fg', tree))).toBe('<script>alert(1)</script>')
  })
})

describe('ansiToText', () => {
  it('gives the visible text only', () => {
    expect(ansiToText('\x1b[1;31mName\x1b[0mError\x1b]8;;u\x1b\\!\x1b]8;;\x1b\\')).toBe('NameError!')
  })
})

// mulberry32: small, fast and deterministic, so a failure can be replayed.
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomTerminalText(random: () => number): string {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const char = (from: number, to: number) => String.fromCharCode(from + int(to - from + 1))
  const fragments: Array<() => string> = [
    () => 'word ',
    () => char(0x20, 0x7e),
    () => char(0x00, 0x1f),
    () => char(0x7f, 0x9f),
    () => '\x1b',
    () => '\x1b[',
    () => `\x1b[${int(110)}m`,
    () => `\x1b[${int(3)};${int(110)};${int(256)}m`,
    () => `\x1b[38;2;${int(300)};${int(300)};${int(300)}m`,
    () => `\x1b[${pick(['', '?', '>'])}${int(50)}${char(0x40, 0x7e)}`,
    () => `\x1b]8;;https://example.org/${int(99)}${pick(['\x1b\\', '\x07', ''])}`,
    () => `\x1b${pick(['P', 'X', '^', '_'])}payload${pick(['\x1b\\', '\x07', '', '\n'])}`,
    () => `\x1b${char(0x20, 0x7e)}`,
    () => pick(['\r', '\n', '\t', '\r\n']),
    () => '\u00e9\u2603\ud83d\ude00',
  ]
  let text = ''
  const length = int(40)
  for (let i = 0; i < length; i++) text += pick(fragments)()
  return text
}

describe('ansiToHast on random terminal text', () => {
  it('never lets an escape or control character through (1,000 seeded cases)', () => {
    const random = prng(20240611)
    for (let i = 0; i < 1000; i++) {
      const input = randomTerminalText(random)
      const output = html(input)
      const found = FORBIDDEN.exec(output)
      if (found) {
        throw new Error(`case ${i}: ${JSON.stringify(input)} kept ${JSON.stringify(found[0])} in ${JSON.stringify(output)}`)
      }
      expect(ansiToText(input)).toBe(textOf({type: 'root', children: ansiToHast(input)}))
    }
  })

  it('keeps every printable character when only colour codes are mixed in', () => {
    const random = prng(7)
    for (let i = 0; i < 200; i++) {
      let input = ''
      let visible = ''
      for (let j = 0; j < 30; j++) {
        if (random() < 0.3) {
          input += `\x1b[${Math.floor(random() * 108)}m`
        } else {
          const c = String.fromCharCode(0x20 + Math.floor(random() * 95))
          input += c
          visible += c
        }
      }
      expect(textOf(parse(input))).toBe(visible)
    }
  })
})

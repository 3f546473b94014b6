import type {Root} from 'mdast'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {visit} from '../pipeline/visit.js'
import {emit} from '../diagnostics/message.js'

/**
 * C0 and C1 control characters and DEL: everything below U+0020 except tab,
 * line feed and carriage return, and U+007F–U+009F. HTML forbids them and
 * XML 1.0 forbids most of them; browsers show nothing or a box. Also
 * U+E000–U+E002, the private-use characters that delimit link-stage tokens
 * (`pipeline/tokens.ts`), so that no page can forge a token.
 */
export const CONTROL_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uE000-\uE002]/g
const HAS_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uE000-\uE002]/

// What terminal text loses: the same, except ESC, which starts the colour codes the ANSI renderer reads.
const CONTROLS_BUT_ESC = /[\x00-\x08\x0B\x0C\x0E-\x1A\x1C-\x1F\x7F-\x9F\uE000-\uE002]/g
const TERMINAL_FIELDS = new Set(['value', 'ename', 'evalue'])
// Node fields that hold structure, not text.
const STRUCTURAL = new Set(['type', 'children', 'position', 'data'])
// Metadata (notebook outputs, directive attributes) is only read a few levels down.
const MAX_DEPTH = 8

/**
 * Remove control characters from every string in a page's tree and front
 * matter, as soon as the page is parsed, so that no later stage (HTML, OU-XML)
 * sees them. Terminal text (stream and error outputs, `text/plain` reprs)
 * keeps ESC, which starts the colour codes the ANSI renderer reads, and is
 * not reported: it is program output, not the author's text. One
 * `control-characters` warning per page names how many were removed and
 * where the first was. Pure apart from the warning: mutates the tree and
 * `file.data.coursebook.frontmatter` only.
 */
export function controlCharactersTransform(tree: Root, file: VFile): void {
  const found = {count: 0, codes: new Set<number>(), node: undefined as Node | undefined}
  const clean = (value: unknown, node: Node | undefined, depth: number): unknown => {
    if (typeof value === 'string') {
      if (!HAS_CONTROL.test(value)) return value
      found.node ??= node
      return value.replace(CONTROL_CHARACTERS, (char) => {
        found.count++
        found.codes.add(char.codePointAt(0)!)
        return ''
      })
    }
    if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = clean(value[i], node, depth + 1)
    } else {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) record[key] = clean(record[key], node, depth + 1)
    }
    return value
  }
  visit(tree, (node) => {
    const record = node as unknown as Record<string, unknown>
    const terminal = isTerminalText(record)
    for (const key of Object.keys(record)) {
      if (STRUCTURAL.has(key)) continue
      const value = record[key]
      // Program output, not the author's text: nothing to report, and ESC stays for the colours.
      if (terminal && typeof value === 'string' && TERMINAL_FIELDS.has(key)) record[key] = value.replace(CONTROLS_BUT_ESC, '')
      else record[key] = clean(value, node, 1)
    }
  })
  const data = file.data.coursebook
  if (data) clean(data.frontmatter, undefined, 0)
  // The Markdown parser has already replaced NUL with U+FFFD, as CommonMark requires; count them from the source.
  const nuls = data?.source.kind === 'markdown' ? countNul(String(file.value ?? '')) : {count: 0}
  if (found.count + nuls.count === 0) return
  const codes = [...new Set([...(nuls.count > 0 ? [0] : []), ...found.codes])].sort((a, b) => a - b)
  const names = codes.slice(0, 3).map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
  const more = codes.length > 3 ? ', …' : ''
  const total = found.count + nuls.count
  const plural = total === 1 ? 'character' : 'characters'
  const nulNote = nuls.count > 0 ? ' (NUL is shown as �)' : ''
  emit(file, 'control-characters', `The page contains ${total} control ${plural} (${names.join(', ')}${more}), invisible in most editors; they were removed${nulNote}`, {
    node: nuls.place ? undefined : found.node,
    place: nuls.place,
    stage: 'parse',
  })
}

function countNul(text: string): {count: number; place?: {line: number; column: number}} {
  const first = text.indexOf('\0')
  if (first === -1) return {count: 0}
  let count = 0
  for (let at = first; at !== -1; at = text.indexOf('\0', at + 1)) count++
  const before = text.slice(0, first)
  return {count, place: {line: before.split('\n').length, column: first - before.lastIndexOf('\n')}}
}

/** Stream and error outputs and `text/plain` reprs: rendered as a terminal shows them. */
function isTerminalText(node: Record<string, unknown>): boolean {
  if (node.type !== 'notebookOutput') return false
  if (node.outputType === 'stream' || node.outputType === 'error') return true
  return typeof node.mime === 'string' && node.mime.split(';')[0]!.trim().toLowerCase() === 'text/plain'
}

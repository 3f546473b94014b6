import type {Glossary, GlossaryEntry, MystDirective} from '../../pipeline/types.js'
import {shiftPositions} from '../../parse/myst/index.js'
import {origin, report, type DirectiveHandler, type MystContext} from './context.js'

/**
 * `{glossary}`: a `glossary` of `glossaryEntry` nodes. In the body, a line
 * at the left margin is a term, several consecutive ones share a
 * definition, and the indented lines after them are the definition
 * (Markdown, blank lines allowed inside it). mystmd's form, a definition
 * line starting `: ` after its term, is read too.
 */
export const glossaryDirective: DirectiveHandler = (directive, context) => {
  const entries = readEntries(directive.value)
  const glossary: Glossary = {type: 'glossary', children: [], ...origin(directive)}
  for (const entry of entries) glossary.children.push(entryNode(entry, directive, context))
  if (entries.length === 0 && directive.value.trim()) {
    report(context, 'directive-option-invalid', '{glossary} has no terms: write each term at the left margin and its definition indented below it', directive)
  }
  return [glossary]
}

interface RawEntry {
  terms: string[]
  /** Line of the body (0-based) the definition starts on. */
  line: number
  definition: string[]
}

function readEntries(body: string): RawEntry[] {
  const entries: RawEntry[] = []
  let current: RawEntry | undefined
  const lines = body.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current && current.definition.length > 0) current.definition.push('')
      return
    }
    // mystmd's definition-list form: `: definition` on the line after the term.
    if (/^:\s/.test(line) && current) {
      if (current.definition.length === 0) current.line = index
      current.definition.push(line.replace(/^:/, ' '))
      return
    }
    if (/^\S/.test(line)) {
      // Terms on consecutive lines share the definition that follows them.
      if (current && current.definition.length === 0 && lines[index - 1]?.trim() !== '') current.terms.push(line.trim())
      else entries.push((current = {terms: [line.trim()], line: index + 1, definition: []}))
      return
    }
    if (!current) return
    if (current.definition.length === 0) current.line = index
    current.definition.push(line)
  })
  return entries
}

function entryNode(raw: RawEntry, directive: MystDirective, context: MystContext): GlossaryEntry {
  const entry: GlossaryEntry = {type: 'glossaryEntry', terms: raw.terms, children: [], ...origin(directive)}
  const text = dedent(raw.definition).trimEnd()
  if (!text) return entry
  entry.children = context.options.parseMarkdown(text)
  context.transform({type: 'root', children: entry.children})
  const start = directive.position?.start
  const bodyLine = directive.data?.mystBodyLine
  if (start && bodyLine !== undefined) shiftPositions(entry.children, start.line + bodyLine - 1 + raw.line, start.column - 1)
  return entry
}

function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length)
  const cut = indents.length > 0 ? Math.min(...indents) : 0
  return lines.map((line) => line.slice(cut)).join('\n')
}

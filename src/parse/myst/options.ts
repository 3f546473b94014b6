import {parse as parseYaml} from 'yaml'

/** A directive's raw content split into its options and its body. */
export interface DirectiveContent {
  options: Record<string, string>
  body: string
  /** The line of the content (1-based) the body starts on. */
  bodyLine: number
  /** Why the YAML options could not be read, when they could not. */
  error?: string
}

const OPTION = /^:([A-Za-z0-9][\w.-]*):(?:[ \t]+(.*?))?[ \t]*$/

/**
 * Split directive content into options and body. Options are either leading
 * `:key: value` lines or a leading YAML block between `---` lines; one blank
 * line after them (or at the start) is not part of the body. YAML values
 * that are not strings are written as text: numbers and booleans as they
 * read, lists and mappings as JSON. A YAML block that does not parse is
 * reported in `error` and its keys are lost; the body is what follows it.
 */
export function splitOptions(content: string): DirectiveContent {
  const lines = content.split('\n')
  const options: Record<string, string> = {}
  let start = 0
  let error: string | undefined
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
    if (end > 0) {
      const read = readYamlOptions(lines.slice(1, end).join('\n'))
      Object.assign(options, read.options)
      error = read.error
      start = end + 1
    }
  } else {
    for (; start < lines.length; start++) {
      const match = OPTION.exec(lines[start]!)
      if (!match) break
      options[match[1]!] = match[2] ?? ''
    }
  }
  if (start < lines.length && lines[start]!.trim() === '') start++
  const result: DirectiveContent = {options, body: lines.slice(start).join('\n'), bodyLine: start + 1}
  if (error) result.error = error
  return result
}

function readYamlOptions(yaml: string): {options: Record<string, string>; error?: string} {
  try {
    const value: unknown = parseYaml(yaml)
    if (value === null || value === undefined) return {options: {}}
    if (typeof value !== 'object' || Array.isArray(value)) return {options: {}, error: 'the options block is not a mapping of keys to values'}
    const options: Record<string, string> = {}
    for (const [key, item] of Object.entries(value)) options[key] = optionText(item)
    return {options}
  } catch (error) {
    return {options: {}, error: error instanceof Error ? error.message.split('\n')[0]! : String(error)}
  }
}

function optionText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

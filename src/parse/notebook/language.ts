import {asRecord, asString} from './json-values.js'

/** The language Jupyter assumes when a notebook names none. */
export const defaultLanguage = 'python'

/**
 * The notebook's kernel language, lower-cased: `metadata.language_info.name`,
 * else `metadata.kernelspec.language`, else `python`.
 */
export function notebookLanguage(metadata: unknown): string {
  const record = asRecord(metadata)
  const name = asString(asRecord(record.language_info).name).trim() || asString(asRecord(record.kernelspec).language).trim()
  return name ? name.toLowerCase() : defaultLanguage
}

// IPython cell magics whose body is in another language.
const cellMagics: Readonly<Record<string, string>> = {
  bash: 'bash',
  sh: 'bash',
  html: 'html',
  HTML: 'html',
  javascript: 'javascript',
  js: 'javascript',
  latex: 'latex',
  sql: 'sql',
  R: 'r',
  markdown: 'markdown',
}

// Interpreters `%%script NAME` may name.
const scriptInterpreters: Readonly<Record<string, string>> = {
  bash: 'bash',
  sh: 'bash',
  python: 'python',
  python3: 'python',
  perl: 'perl',
  ruby: 'ruby',
}

/**
 * The language of a code cell: the one a cell magic on its first line names
 * (`%%bash`, `%%html`, `%%script bash`, ...), else `fallback`.
 */
export function cellLanguage(source: string, fallback: string): string {
  const match = /^%%(\S+)[ \t]*([^\r\n]*)/.exec(source)
  if (!match) return fallback
  const [, magic = '', args = ''] = match
  if (magic === 'script') {
    const interpreter = args.split(/\s+/)[0]?.split('/').pop() ?? ''
    return Object.hasOwn(scriptInterpreters, interpreter) ? scriptInterpreters[interpreter]! : fallback
  }
  return Object.hasOwn(cellMagics, magic) ? cellMagics[magic]! : fallback
}

import type {Point} from 'unist'

/** The outcome of reading a notebook file's text as JSON. */
export type JsonReadResult =
  | {ok: true; value: unknown}
  | {ok: false; reason: string; place?: Point}

/**
 * Parse the text of a notebook file as JSON. Never throws: an empty file,
 * binary data or a syntax error gives `ok: false` with a reason written for
 * the author and, when the parser reported one, the 1-based place of the
 * error.
 */
export function readNotebookJson(text: string): JsonReadResult {
  // Some editors on Windows save a byte-order mark; JSON.parse rejects it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.trim() === '') return {ok: false, reason: 'The notebook file is empty: expected nbformat JSON'}
  if (looksBinary(body)) {
    return {ok: false, reason: 'The notebook file holds binary data, not nbformat JSON text (is it really an .ipynb file?)'}
  }
  try {
    return {ok: true, value: JSON.parse(body)}
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const place = errorPlace(body, detail)
    return {ok: false, reason: `The notebook is not valid JSON: ${stripPosition(detail)}`, place}
  }
}

/** NUL bytes or many decoding failures mean the file was not UTF-8 text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096)
  if (head.includes('\u0000')) return true
  let replaced = 0
  for (const char of head) if (char === '\uFFFD') replaced++
  return replaced > 8
}

/** The error place from V8's message: `at position N` or `(line L column C)`. */
function errorPlace(text: string, message: string): Point | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return {line: Number(lineColumn[1]), column: Number(lineColumn[2])}
  const position = /at position (\d+)/.exec(message)
  if (position) return pointAt(text, Number(position[1]))
  // "Unexpected end of JSON input" carries no position: the error is at the end.
  if (/end of JSON input/.test(message)) return pointAt(text, text.length)
  return undefined
}

/** The 1-based line and column of a 0-based character offset. */
function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  let line = 1
  for (const char of before) if (char === '\n') line++
  return {line, column: offset - lineStart + 1, offset}
}

/** Drop V8's own position suffix; the message place carries it instead. */
function stripPosition(message: string): string {
  return message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '')
}

/**
 * Find where a key path (e.g. `['binder', 'hub']`) is written in a config
 * file's source text, so that a schema error can point at its line. Works on
 * the text alone: good for object literals, the way configs are written; when
 * the key cannot be found (computed keys, spread objects) it returns undefined.
 */
export function locateKey(source: string, path: ReadonlyArray<PropertyKey>): {line: number; column: number} | undefined {
  let from = 0
  let found: number | undefined
  for (const segment of path) {
    if (typeof segment !== 'string') continue
    const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const pattern = new RegExp(`(^|[\\s{,])(['"]?)${escaped}\\2\\s*:`, 'gm')
    pattern.lastIndex = from
    const match = pattern.exec(source)
    if (!match) break
    found = match.index + match[1]!.length
    from = pattern.lastIndex
  }
  if (found === undefined) return undefined
  const before = source.slice(0, found)
  const line = before.split('\n').length
  const column = found - before.lastIndexOf('\n')
  return {line, column}
}

/** Pull `file:line:column` for `file` out of an error's stack, if present. */
export function locateInStack(error: unknown, file: string): {line: number; column: number} | undefined {
  const stack = error instanceof Error ? error.stack ?? '' : ''
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack)
  if (!match) return undefined
  return {line: Number(match[1]), column: Number(match[2])}
}

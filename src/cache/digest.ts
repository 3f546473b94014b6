import {createHash} from 'node:crypto'

/** What `digest` accepts: text, bytes, or plain JSON-like values (objects are keyed in sorted order). */
export type DigestPart = string | Uint8Array | number | boolean | null | undefined | readonly DigestPart[] | {readonly [key: string]: DigestPart}

/**
 * A SHA-256 (hex) over several parts, each length-prefixed so that
 * `digest('ab', 'c')` and `digest('a', 'bc')` differ. Objects are hashed with
 * their keys sorted, so key order never changes a key. Use it for cache keys:
 * content + the options that change the output + the tool and its version.
 */
export function digest(...parts: DigestPart[]): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    const bytes = typeof part === 'string' || part instanceof Uint8Array ? part : stableJson(part)
    const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength
    hash.update(`${typeof part === 'string' || part instanceof Uint8Array ? 's' : 'j'}${length}:`)
    hash.update(bytes)
  }
  return hash.digest('hex')
}

/** SHA-256 (hex) of one string or byte array, e.g. to check that a stored file is intact. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

function stableJson(value: DigestPart): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'))
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const record = value as {readonly [key: string]: DigestPart}
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
    return `{${entries.join(',')}}`
  }
  return value === undefined ? 'null' : JSON.stringify(value)
}

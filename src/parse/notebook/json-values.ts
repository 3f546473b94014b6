/**
 * Defensive readers for values taken from notebook JSON. A notebook that
 * fails the schema is still rendered, so every field may be missing or of
 * the wrong type; these helpers turn such values into safe defaults.
 */

/** A plain JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>

/** True when `value` is a plain JSON object. */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` when it is a plain object, else an empty object. */
export function asRecord(value: unknown): JsonObject {
  return isRecord(value) ? value : {}
}

/** `value` when it is a string, else `fallback`. */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/** `value` when it is an array, else an empty array. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** The strings of an array, dropping anything else; `[]` when not an array. */
export function asStringArray(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string')
}

/**
 * An nbformat multiline string (a string, or an array of strings to be
 * concatenated as is) as one string. Anything else gives `''`.
 */
export function joinText(value: unknown): string {
  if (typeof value === 'string') return value
  return asStringArray(value).join('')
}

/** True when `value` is an nbformat multiline string. */
export function isMultiline(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every(item => typeof item === 'string'))
}

/** Own property of `record`, never one inherited from `Object.prototype`. */
export function own(record: JsonObject, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/**
 * Read a study time given as minutes (`90`), or as text (`"1h 30m"`,
 * `"2 hours"`, `"45 min"`). Returns minutes, or undefined when unreadable.
 */
export function parseStudyTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  let minutes = 0
  let matched = false
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?)\b/g)) {
    matched = true
    minutes += Number(m[1]) * (m[2]!.startsWith('h') ? 60 : 1)
  }
  return matched ? Math.round(minutes) : undefined
}

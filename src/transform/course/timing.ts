/**
 * Read an activity's `:timing:` as minutes. Course teams write it in prose:
 * `1 hour`, `15 minutes`, `1h 30m`, `90 mins`, `1.5 hours`, `1:30`, `about
 * 20 minutes`, `20–30 minutes` (a range counts as its upper end, the time
 * to plan for), or a bare number of minutes. Anything else gives undefined.
 */
export function parseTiming(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return round(Number(value))
  const clock = /^(\d+):([0-5]\d)$/.exec(value)
  if (clock) return Number(clock[1]) * 60 + Number(clock[2])
  // A range such as `20-30 minutes` or `1 to 2 hours` keeps its upper end.
  const ranged = value.replace(/(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)/g, '$2')
  let minutes = 0
  let found = false
  let rest = ranged
  for (const match of ranged.matchAll(PART)) {
    const amount = Number(match[1])
    const unit = match[2]!
    minutes += unit.startsWith('h') ? amount * 60 : amount
    found = true
    rest = rest.replace(match[0], ' ')
  }
  // Words other than fillers mean the text says something this reader does not understand.
  if (!found || rest.split(/[\s,.;]+/).some((word) => word && !FILLERS.has(word))) return undefined
  return round(minutes)
}

const PART = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)(?![a-z])/g
const FILLERS = new Set(['about', 'approximately', 'approx', 'around', 'allow', 'and', 'roughly', 'up', 'to', 'some', 'c', 'ca'])

function round(minutes: number): number {
  return Math.round(minutes)
}

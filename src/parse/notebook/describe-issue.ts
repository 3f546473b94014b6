import type * as z from 'zod'

/**
 * One schema issue as a phrase to follow its JSON path, e.g. `is missing` or
 * `must be a boolean, not a string ("yes")`. Custom issues carrying
 * `params.expected` are phrased the same way as type mismatches.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const {input} = issue
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'is missing' : `must be ${typePhrase(issue.expected)}, not ${valuePhrase(input)}`
    case 'invalid_union':
      return input === undefined ? 'is missing' : `must be ${issue.message}, not ${valuePhrase(input)}`
    case 'invalid_value': {
      const allowed = `one of ${issue.values.map(value => JSON.stringify(value)).join(', ')}`
      return input === undefined ? `is missing (expected ${allowed})` : `must be ${allowed}, not ${valuePhrase(input)}`
    }
    case 'unrecognized_keys':
      return `has unexpected ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map(key => JSON.stringify(key)).join(', ')}`
    case 'invalid_format':
      return `is ${JSON.stringify(input)}, but ${issue.message}`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`
      return `must be at least ${issue.minimum}, not ${valuePhrase(input)}`
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long, not ${String(input).length}`
      return `must be at most ${issue.maximum}, not ${valuePhrase(input)}`
    case 'custom': {
      const expected = issue.params?.expected
      return typeof expected === 'string' ? `must be ${expected}, not ${valuePhrase(input)}` : issue.message
    }
    default:
      return issue.message
  }
}

/** A JSON path as people write it: `cells[3].outputs[0].data["text/html"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key
    else text += `[${JSON.stringify(String(key))}]`
  }
  return text || 'the notebook'
}

function typePhrase(expected: string): string {
  if (expected === 'int') return 'an integer'
  if (expected === 'record') return 'an object'
  if (expected === 'null' || expected === 'undefined') return expected
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

/** The JSON type of a value, with short strings and numbers quoted after it. */
function valuePhrase(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value
    return `a string (${JSON.stringify(shown)})`
  }
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`
  return `a ${typeof value} (${String(value)})`
}

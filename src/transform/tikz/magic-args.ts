/** One option a magic accepts, as its argparse declaration names it. */
export interface OptionDef {
  /** Every spelling: `-sc`, `--scale`. */
  names: readonly string[]
  /** Where the value goes in the parsed result. */
  key: string
  /** False for store_true flags. */
  takesValue: boolean
}

/** One option as it appeared on the magic line. */
export interface ParsedOption {
  key: string
  /** The spelling used, e.g. `-p` or `--tex-packages`. */
  name: string
  /** The value, or `true` for a flag. */
  value: string | true
  /** Whether the value was attached with `=` (`-t=pgfplots`). */
  attached: boolean
}

export interface ParsedArgs {
  options: ParsedOption[]
  positionals: string[]
  /** Option-like tokens no definition matched. */
  unknown: string[]
}

/**
 * Split a magic line into words as IPython does for magic arguments:
 * whitespace separates, single or double quotes group (and are removed),
 * backslashes are kept as they are (TeX needs them).
 */
export function splitArgs(line: string): string[] {
  const words: string[] = []
  let current: string | undefined
  let quote: string | undefined
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined
      else current += char
    } else if (char === '"' || char === "'") {
      quote = char
      current ??= ''
    } else if (/\s/.test(char)) {
      if (current !== undefined) words.push(current)
      current = undefined
    } else current = (current ?? '') + char
  }
  if (current !== undefined) words.push(current)
  return words
}

/**
 * Parse words against option definitions the way argparse does for these
 * magics: `--name value`, `--name=value`, `-n value`, `-n=value`, flags, and
 * unambiguous prefixes of long names (`--sca` for `--scale`). Words that are
 * not options are positionals.
 */
export function parseArgs(words: readonly string[], defs: readonly OptionDef[]): ParsedArgs {
  const result: ParsedArgs = {options: [], positionals: [], unknown: []}
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (!/^--?[A-Za-z]/.test(word)) {
      result.positionals.push(word)
      continue
    }
    const equals = word.indexOf('=')
    const name = equals > 0 ? word.slice(0, equals) : word
    const def = findDef(name, defs)
    if (!def) {
      result.unknown.push(word)
      continue
    }
    if (!def.takesValue) {
      result.options.push({key: def.key, name, value: true, attached: false})
    } else if (equals > 0) {
      result.options.push({key: def.key, name, value: word.slice(equals + 1), attached: true})
    } else if (i + 1 < words.length && !/^--?[A-Za-z]/.test(words[i + 1]!)) {
      result.options.push({key: def.key, name, value: words[++i]!, attached: false})
    } else {
      result.unknown.push(word)
    }
  }
  return result
}

function findDef(name: string, defs: readonly OptionDef[]): OptionDef | undefined {
  const exact = defs.find((def) => def.names.includes(name))
  if (exact || !name.startsWith('--')) return exact
  const candidates = defs.filter((def) => def.names.some((n) => n.startsWith('--') && n.startsWith(name)))
  return candidates.length === 1 ? candidates[0] : undefined
}

/** The last value given for `key` (argparse keeps the last), or undefined. */
export function valueOf(args: ParsedArgs, key: string): string | true | undefined {
  for (let i = args.options.length - 1; i >= 0; i--) if (args.options[i]!.key === key) return args.options[i]!.value
  return undefined
}

/** The last string value given for `key`, ignoring flags. */
export function stringOf(args: ParsedArgs, key: string): string | undefined {
  const value = valueOf(args, key)
  return typeof value === 'string' ? value : undefined
}

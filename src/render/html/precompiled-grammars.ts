import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {EmulatedRegExp, toRegExpDetails} from 'oniguruma-to-es'
import {bundledLanguages, type BundledLanguage} from 'shiki'
import {defaultJavaScriptRegexConstructor} from 'shiki/engine/javascript'
import {packageRoot} from '../../package-info.js'

/**
 * Grammar patterns converted to JavaScript regexes when coursebook is
 * compiled, rather than when a build first highlights a language.
 *
 * Why: shiki's JavaScript engine converts every Oniguruma pattern of a
 * TextMate grammar it uses (oniguruma-to-es), and on a fresh process that
 * cost about a fifth of a second of the benchmark build's first highlighting
 * (Python, Bash and JavaScript). `npm run compile` writes, for the languages
 * courses use most, each pattern's converted source, flags and emulation
 * options to `lib/grammars/<language>.json`; the build's regex constructor
 * looks a pattern up there and converts only what it does not find. The
 * conversion is the one shiki's engine makes, for one fixed target, so the
 * regexes, and the HTML, are the same with or without the files (checked by
 * test/render/precompiled-grammars.test.ts).
 */

/** Node 20's regex syntax (the `v` flag), so converted patterns work on every Node coursebook supports. */
export const REGEX_TARGET = 'ES2024'

/** The languages converted ahead: those of course notebooks and of the code their Markdown shows. */
export const PRECOMPILED_LANGUAGES: readonly BundledLanguage[] = [
  'python', 'bash', 'shellsession', 'javascript', 'typescript', 'json', 'yaml', 'r', 'sql', 'latex',
  'html', 'css', 'c', 'cpp', 'java', 'julia', 'matlab', 'xml',
]

/** A converted pattern: source, flags and emulation options; null when the pattern cannot be converted. */
export type ConvertedPattern = [source: string, flags: string, options?: EmulationOptions] | null
type EmulationOptions = NonNullable<ReturnType<typeof toRegExpDetails>['options']>

/** The folder `npm run compile` writes the converted grammars to. */
export const GRAMMARS_DIR = join(packageRoot, 'lib', 'grammars')

/** The options of shiki's `defaultJavaScriptRegexConstructor`, with the target fixed. */
const OPTIONS = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3000,
  rules: {allowOrphanBackrefs: true, asciiWordBoundaries: true, captureGroup: true, recursionLimit: 5, singleline: true},
  target: REGEX_TARGET,
} as const

/** Convert every pattern of a language's grammars (the embedded ones too), for `npm run compile`. */
export async function convertLanguage(lang: BundledLanguage): Promise<Record<string, ConvertedPattern>> {
  const grammars = (await bundledLanguages[lang]()).default
  const table: Record<string, ConvertedPattern> = {}
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && (key === 'match' || key === 'begin' || key === 'end' || key === 'while')) {
        if (!Object.hasOwn(table, value)) table[value] = convertPattern(value)
      } else walk(value)
    }
  }
  walk(grammars)
  return table
}

function convertPattern(pattern: string): ConvertedPattern {
  try {
    const details = toRegExpDetails(pattern, OPTIONS)
    return details.options ? [details.pattern, details.flags, details.options] : [details.pattern, details.flags]
  } catch {
    return null
  }
}

const converted = new Map<string, ConvertedPattern>()
const loaded = new Set<string>()

/** Read a language's converted patterns, if `npm run compile` wrote them; once per language. */
export function loadConvertedLanguage(lang: string, dir: string = GRAMMARS_DIR): void {
  if (loaded.has(lang)) return
  loaded.add(lang)
  const file = join(dir, `${lang}.json`)
  if (!existsSync(file)) return
  try {
    for (const [pattern, value] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, ConvertedPattern>)) converted.set(pattern, value)
  } catch {
    // A damaged file only means converting at run time, as without it.
  }
}

/** shiki's regex constructor, answering from the converted grammars where it can. Throws for a pattern that cannot be converted. */
export function constructRegex(pattern: string): RegExp {
  const known = converted.get(pattern)
  if (known === null) throw new Error(`The pattern ${pattern} cannot be converted to a JavaScript regex`)
  if (known) return regexFrom(known)
  return defaultJavaScriptRegexConstructor(pattern, {target: REGEX_TARGET})
}

/** The regex a converted pattern stands for: emulated when the conversion needed emulation, as shiki's would be. */
export function regexFrom([source, flags, options]: NonNullable<ConvertedPattern>): RegExp {
  return options ? new EmulatedRegExp(source, flags, options) : new RegExp(source, flags)
}

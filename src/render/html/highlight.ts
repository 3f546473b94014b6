import {Memo} from '../../cache/memo.js'
import {createHighlighter, bundledLanguages, type Highlighter, type BundledLanguage} from 'shiki'
import {createJavaScriptRegexEngine} from 'shiki/engine/javascript'
import {constructRegex, loadConvertedLanguage} from './precompiled-grammars.js'
import {replayingEngine} from './replay-engine.js'

/**
 * Themes for light and dark mode; switched by CSS variables, not by
 * re-rendering. GitHub's "default" pair, whose every token colour has at
 * least 4.5:1 contrast with its background (the older github-light has
 * orange parameters at 3.5:1, github-dark grey comments at 3:1).
 */
export const SHIKI_THEMES = {light: 'github-light-default', dark: 'github-dark-default'} as const

const ALIASES: Record<string, string> = {
  ipython: 'python', ipython3: 'python', python3: 'python', py: 'python', 'python-repl': 'python',
  sh: 'bash', shell: 'bash', console: 'shellsession', zsh: 'bash',
  'c++': 'cpp', js: 'javascript', ts: 'typescript', yml: 'yaml', tex: 'latex', rscript: 'r',
}

let highlighter: Promise<Highlighter> | undefined
let regexes: ReturnType<typeof replayingEngine> | undefined
const loading = new Map<string, Promise<void>>()

/** Map a notebook or fence language name to a shiki language id, or undefined if shiki has none. */
export function resolveLanguage(name: string | undefined | null): BundledLanguage | undefined {
  if (!name) return undefined
  const lower = name.trim().toLowerCase()
  const id = ALIASES[lower] ?? lower
  return id in bundledLanguages ? (id as BundledLanguage) : undefined
}

/**
 * The build's one highlighter, created on first use and kept for the life of
 * the process (creating one costs 0.1–0.15 s; each language's first use more).
 */
export async function getHighlighter(languages: Iterable<BundledLanguage>): Promise<Highlighter> {
  // The JavaScript regex engine starts in about 10 ms (the WebAssembly one in about 80) and tokenised
  // this project's benchmark notebooks faster; `forgiving` skips the rare pattern it cannot translate.
  // Patterns converted when coursebook was compiled are not converted again (see precompiled-grammars.ts).
  // The dark theme's pass over a block replays the light one's matches (see replay-engine.ts).
  regexes ??= replayingEngine(createJavaScriptRegexEngine({forgiving: true, regexConstructor: constructRegex}))
  highlighter ??= createHighlighter({themes: Object.values(SHIKI_THEMES), langs: [], engine: regexes.engine})
  const instance = await highlighter
  const pending: Promise<void>[] = []
  for (const lang of languages) {
    if (!loading.has(lang)) {
      loadConvertedLanguage(lang)
      loading.set(lang, instance.loadLanguage(lang))
    }
    pending.push(loading.get(lang)!)
  }
  await Promise.all(pending)
  return instance
}

/**
 * How long one line may take to tokenise before shiki leaves the rest of it
 * plain. shiki's default, half a second, is reached by a large grammar's first
 * line on a busy machine (its regexes are compiled as they are first used),
 * which made the same page highlight differently from one build to the next.
 * Ten seconds still stops a pathological pattern.
 */
export const TOKENIZE_TIME_LIMIT_MS = 10_000

/** Highlight code to a `<pre class="shiki">` HTML string, colours as CSS variables. */
export function highlightToHtml(instance: Highlighter, code: string, lang: BundledLanguage): string {
  return highlighted.get(highlightKey(lang, code), () => {
    try {
      return instance.codeToHtml(code.replace(/\n$/, ''), {lang, themes: SHIKI_THEMES, defaultColor: false, tokenizeTimeLimit: TOKENIZE_TIME_LIMIT_MS})
    } finally {
      regexes?.forget()
    }
  })
}

/** What identifies a highlighted block: the HTML depends on nothing else. */
export function highlightKey(lang: BundledLanguage, code: string): string {
  return `${lang}\0${code}`
}

/** Identical blocks (a shared import cell, a repeated command) are highlighted once per process. */
const highlighted = new Memo<string>(2000)

import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createHighlighter} from 'shiki'
import {createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor} from 'shiki/engine/javascript'
import {
  GRAMMARS_DIR,
  PRECOMPILED_LANGUAGES,
  REGEX_TARGET,
  constructRegex,
  convertLanguage,
  loadConvertedLanguage,
  regexFrom,
  type ConvertedPattern,
} from '../../src/render/html/precompiled-grammars.js'
import {SHIKI_THEMES} from '../../src/render/html/highlight.js'

/**
 * The grammars converted by `npm run compile` must give the regexes shiki's
 * engine would make at run time, and so the same highlighted HTML.
 */
const describeRegex = (regex: RegExp & {rawOptions?: object}) => [regex.source, regex.flags, JSON.stringify(regex.rawOptions ?? {})]
const atRunTime = (pattern: string) => {
  try {
    return describeRegex(defaultJavaScriptRegexConstructor(pattern, {target: REGEX_TARGET}))
  } catch {
    return null
  }
}

const SAMPLES: Record<string, string> = {
  python: 'import numpy as np\n\ndef f(x: float) -> float:\n    """Doc."""\n    return np.sin(x) ** 2  # comment\n\nprint(f"{f(1.0):.3f}", [i for i in range(3)])\n',
  bash: 'for f in *.ipynb; do\n  echo "$f" | grep -v "^#" > "${f%.ipynb}.txt"\ndone\nexport PATH="$HOME/bin:$PATH"\n',
  shellsession: '$ ls -la | grep "ipynb" > out.txt\n$ echo "$HOME" && cat out.txt\nweek-1.ipynb\n',
  javascript: 'const xs = [1, 2].map((a) => a * 2)\nclass A extends B { #p = 1; get q() { return `${this.#p}` } }\n/re+g/u.test("x")\n',
  typescript: 'interface P<T> { x: T }\nconst p: P<number> = {x: 1} as const\nexport type Q = keyof P<string>\n',
  json: '{"a": [1, 2.5, true, null], "b": {"c": "d"}}\n',
  yaml: 'title: Week 1\nlist:\n  - a: 1\n    b: "two"\n# comment\n',
  r: 'df <- data.frame(x = 1:3)\nsummary(lm(y ~ x, data = df))\n',
  sql: 'SELECT name, COUNT(*) AS n FROM t WHERE x > 1 GROUP BY name ORDER BY n DESC;\n',
  latex: '\\begin{align}\n  a &= \\frac{b}{c} \\\\\n  \\int_0^1 x\\,dx\n\\end{align}\n',
  html: '<!doctype html>\n<p class="x">Hi <script>let a = 1</script><style>p { color: red }</style></p>\n',
  css: '.a > b:hover { color: #fff; margin: 0 auto; }\n@media (max-width: 40em) { p { display: none } }\n',
  c: '#include <stdio.h>\nint main(void) { printf("%d\\n", 1); return 0; }\n',
  cpp: 'template <typename T> auto f(T&& t) -> decltype(t) { return std::forward<T>(t); }\n',
  java: 'public class A { public static void main(String[] a) { System.out.println("x"); } }\n',
  julia: 'function f(x::Int)\n    return x^2 + 1\nend\nprintln(f.(1:3))\n',
  matlab: 'x = linspace(0, 1, 10);\nplot(x, sin(x)); % comment\n',
  xml: '<?xml version="1.0"?>\n<Item id="a"><![CDATA[x]]><!-- c --></Item>\n',
}

describe('grammars converted when coursebook is compiled', () => {
  it('has a sample for every language it converts', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...PRECOMPILED_LANGUAGES].sort())
  })

  it('converts each pattern exactly as shiki’s engine does at run time', async () => {
    for (const lang of ['python', 'javascript', 'bash'] as const) {
      const table = await convertLanguage(lang)
      expect(Object.keys(table).length).toBeGreaterThan(50)
      for (const [pattern, value] of Object.entries(table)) {
        const built = value === null ? null : describeRegex(regexFrom(value))
        expect(built, pattern).toEqual(atRunTime(pattern))
      }
    }
  }, 60_000)

  // The files in lib/ are what a build reads: they too must match (a stale or foreign file would not).
  it.skipIf(!existsSync(GRAMMARS_DIR))('wrote files in lib/grammars that match the run-time conversion', () => {
    for (const lang of PRECOMPILED_LANGUAGES) {
      const table = JSON.parse(readFileSync(join(GRAMMARS_DIR, `${lang}.json`), 'utf8')) as Record<string, ConvertedPattern>
      const patterns = Object.keys(table)
      // Every 7th pattern keeps this quick; the test above checks whole languages.
      for (const pattern of patterns.filter((_, i) => i % 7 === 0)) {
        const value = table[pattern]!
        expect(value === null ? null : describeRegex(regexFrom(value)), `${lang}: ${pattern}`).toEqual(atRunTime(pattern))
      }
    }
  }, 60_000)

  it.skipIf(!existsSync(GRAMMARS_DIR))('highlights every converted language to the same HTML as run-time conversion', async () => {
    for (const lang of PRECOMPILED_LANGUAGES) loadConvertedLanguage(lang)
    const themes = Object.values(SHIKI_THEMES)
    const ahead = await createHighlighter({themes, langs: [...PRECOMPILED_LANGUAGES], engine: createJavaScriptRegexEngine({forgiving: true, regexConstructor: constructRegex})})
    const live = await createHighlighter({themes, langs: [...PRECOMPILED_LANGUAGES], engine: createJavaScriptRegexEngine({forgiving: true, target: REGEX_TARGET})})
    for (const [lang, code] of Object.entries(SAMPLES)) {
      const options = {lang, themes: SHIKI_THEMES, defaultColor: false} as const
      // Once first: shiki stops tokenising a line after 500 ms, which a cold grammar on a busy machine can reach.
      ahead.codeToHtml(code, options)
      live.codeToHtml(code, options)
      const html = ahead.codeToHtml(code, options)
      expect(html, lang).toBe(live.codeToHtml(code, options))
      // Tokenised, not plain text: a grammar that failed to load would give one span per line.
      expect((html.match(/<span style/g) ?? []).length, lang).toBeGreaterThan(code.split('\n').length)
    }
  }, 60_000)
})

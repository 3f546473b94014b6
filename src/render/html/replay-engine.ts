import type {RegexEngine, PatternScanner} from 'shiki'

type Match = ReturnType<PatternScanner['findNextMatchSync']>

/**
 * A regex engine that remembers what its scanners found in the block being
 * highlighted, and answers the same question again from memory.
 *
 * Why: shiki tokenises a block once per theme (light, then dark), and
 * TextMate tokenising does not depend on the theme: the second pass asks every
 * scanner the same questions (same patterns, line, position and options) in
 * the same order. Answering them from the first pass took about half of the
 * highlighting time off the benchmark build. vscode-textmate only reads the
 * matches, so handing out the same objects twice is safe.
 *
 * `forget()` drops what was remembered; call it after each block, so memory
 * holds one block's matches at most.
 */
export function replayingEngine(engine: RegexEngine): {engine: RegexEngine; forget: () => void} {
  /** Per scanner in use since the last `forget`: line → (position and options) → match. */
  const memories = new Set<Map<string, Map<number, Match>>>()
  return {
    forget: () => {
      for (const memory of memories) memory.clear()
      memories.clear()
    },
    engine: {
      createString: (text) => engine.createString(text),
      createScanner(patterns) {
        const scanner = engine.createScanner(patterns)
        const memory = new Map<string, Map<number, Match>>()
        return {
          findNextMatchSync(string, start, options) {
            const line = typeof string === 'string' ? string : string.content
            // Find options are a small bit mask: position and options make one key.
            const key = start * 64 + (options ?? 0)
            let found = memory.get(line)
            if (found?.has(key)) return found.get(key)!
            if (!found) {
              memory.set(line, (found = new Map()))
              memories.add(memory)
            }
            const match = scanner.findNextMatchSync(string, start, options)
            found.set(key, match)
            return match
          },
          dispose: () => scanner.dispose?.(),
        }
      },
    },
  }
}

/** What a TeX log says went wrong, in the terms an author needs. */
export interface TexProblem {
  /** TeX's first error line, without the leading `! `, joined with its continuation lines. */
  message: string
  /** 1-based line of the TeX input the error was raised on (TeX's `l.N`). */
  line?: number
  /** Set when the error is a file TeX could not find: what that file provides. */
  missing?: MissingFile
}

export interface MissingFile {
  kind: 'package' | 'tikz library' | 'pgf library' | 'pgfplots library' | 'file'
  name: string
}

/**
 * Find the first error in a TeX log (console output or `.log` file): the line
 * starting `! `, the input line from the `l.N` that follows it, and, for a
 * missing file, the package or library it belongs to. Undefined when the log
 * has no error line.
 */
export function parseTexLog(log: string): TexProblem | undefined {
  const lines = log.split(/\r?\n/)
  const start = lines.findIndex((line) => line.startsWith('! '))
  if (start < 0) return undefined
  let message = lines[start]!.slice(2).trim()
  // TeX wraps long lines at 79 columns; a wrapped error message continues until a blank or a context line.
  for (let i = start + 1; i < lines.length && lines[i - 1]!.length >= 79; i++) {
    const next = lines[i]!
    if (!next.trim() || /^(l\.\d+|<[^>]+>|See the |Type |\? )/.test(next)) break
    message += next
  }
  const problem: TexProblem = {message: message.replace(/\s+/g, ' ').trim()}
  for (let i = start + 1; i < Math.min(lines.length, start + 40); i++) {
    const found = /^l\.(\d+)\b/.exec(lines[i]!)
    if (found) {
      problem.line = Number(found[1])
      break
    }
    // TeX gives up after a missing file with an "Emergency stop" that still names the line.
    if (lines[i]!.startsWith('! ') && !lines[i]!.startsWith('! Emergency stop')) break
  }
  const missing = missingFile(problem.message) ?? missingTikzLibrary(problem.message)
  if (missing) problem.missing = missing
  return problem
}

function missingFile(message: string): MissingFile | undefined {
  const file = /File [`'"]([^`'"]+)['"`] not found/.exec(message)?.[1] ?? /can't find file [`'"]([^`'"]+)['"`]/.exec(message)?.[1]
  if (!file) return undefined
  let found: RegExpExecArray | null
  if ((found = /^(.+)\.(sty|cls)$/.exec(file))) return {kind: 'package', name: found[1]!}
  if ((found = /^tikzlibrary(.+)\.code\.tex$/.exec(file))) return {kind: 'tikz library', name: found[1]!}
  if ((found = /^pgflibrarypgfplots\.(.+)\.code\.tex$/.exec(file))) return {kind: 'pgfplots library', name: found[1]!}
  if ((found = /^pgfplotslibrary(.+)\.code\.tex$/.exec(file))) return {kind: 'pgfplots library', name: found[1]!}
  if ((found = /^pgflibrary(.+)\.code\.tex$/.exec(file))) return {kind: 'pgf library', name: found[1]!}
  return {kind: 'file', name: file}
}

function missingTikzLibrary(message: string): MissingFile | undefined {
  const name = /I did not find the tikz library '([^']+)'/.exec(message)?.[1]
  return name ? {kind: 'tikz library', name} : undefined
}

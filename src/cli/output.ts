import {formatDiagnostic, formatSummary, type Diagnostic} from '../diagnostics/report.js'
import {CoursebookError} from '../diagnostics/errors.js'

/** Where the CLI writes: stdout for results, stderr for diagnostics and progress. */
export interface Output {
  out(line: string): void
  err(line: string): void
  /** Overwrite the current progress line (terminals only). */
  progress(line: string): void
}

export function consoleOutput(): Output {
  const tty = Boolean(process.stderr.isTTY)
  let progressShown = false
  const clear = () => {
    if (progressShown) process.stderr.write('\r\x1b[K')
    progressShown = false
  }
  return {
    out: (line) => {
      clear()
      process.stdout.write(`${line}\n`)
    },
    err: (line) => {
      clear()
      process.stderr.write(`${line}\n`)
    },
    progress: (line) => {
      if (!tty) return
      process.stderr.write(`\r\x1b[K${line}`)
      progressShown = true
    },
  }
}

/** Print every diagnostic, then the summary line. */
export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  const order = {error: 0, warning: 1, info: 2}
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity])
  for (const d of sorted) output.err(formatDiagnostic(d))
  output.err(formatSummary(diagnostics))
}

/** Print a tool, config or I/O failure: what happened, where, and what to do. */
export function printFatal(output: Output, error: unknown): void {
  if (error instanceof CoursebookError) {
    output.err(
      formatDiagnostic({severity: 'error', ruleId: error.ruleId, message: error.message, hint: error.hint, file: error.file, line: error.line, column: error.column}),
    )
    output.err('Nothing was written.')
    return
  }
  output.err(`error   coursebook stopped unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  output.err('Nothing was written. Please report this with the command you ran.')
}

import {execFile} from 'node:child_process'
import {accessSync, constants} from 'node:fs'
import {delimiter, join} from 'node:path'

const found = new Map<string, boolean>()

/** Whether `command` is an executable file on PATH. Remembered for the life of the thread. */
export function onPath(command: string): boolean {
  let result = found.get(command)
  if (result === undefined) {
    const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']
    result = (process.env.PATH ?? '').split(delimiter).some((dir) =>
      extensions.some((ext) => {
        try {
          accessSync(join(dir, command + ext), constants.X_OK)
          return true
        } catch {
          return false
        }
      }),
    )
    found.set(command, result)
  }
  return result
}

/** Whether the `latex` engine can run here: both `latex` and `dvisvgm` on PATH. */
export function latexAvailable(): boolean {
  return onPath('latex') && onPath('dvisvgm')
}

/** A command's standard output, or '' when it cannot be run. */
export function commandOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, {timeout: 10_000}, (error, stdout) => resolve(error ? '' : String(stdout)))
  })
}

import {buildCommand, buildHelp} from './commands/build.js'
import {devCommand, devHelp} from './commands/dev.js'
import {initCommand, initHelp} from './commands/init.js'
import {exportCommand, exportHelp} from './commands/export.js'
import {consoleOutput, type Output} from './output.js'
import {version} from '../package-info.js'

const help = `coursebook ${version}: publish Jupyter notebooks and Markdown as a course website

Usage: coursebook <command> [options]

Commands:
  build     build the course website into dist/
  dev       serve the course and rebuild it as you edit
  init      start a new course: config, first week, Binder, deploy workflow
  export    write only the OU-XML export (coursebook export ouxml)

Options:
  -h, --help     show help (also: coursebook <command> --help)
  -v, --version  show the version

${buildHelp}

${devHelp}

${initHelp}

${exportHelp}`

/** Run the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], output: Output = consoleOutput()): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'build':
        return await buildCommand(rest, output)
      case 'dev':
        return await devCommand(rest, output)
      case 'init':
        return await initCommand(rest, output)
      case 'export':
        return await exportCommand(rest, output)
      case '-v':
      case '--version':
        output.out(version)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        output.out(help)
        return 0
      default:
        output.err(`Unknown command "${command}". Run coursebook --help for the list of commands.`)
        return 1
    }
  } catch (error) {
    // Argument errors from parseArgs: say which, and how to get help.
    output.err(`${(error as Error).message}. Run coursebook ${command} --help.`)
    return 1
  }
}

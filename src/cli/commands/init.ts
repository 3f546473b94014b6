import {parseArgs} from 'node:util'
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, relative, resolve} from 'node:path'
import {createInterface} from 'node:readline/promises'
import {courseFiles, type CourseAnswers} from '../../init/templates.js'
import {slugify} from '../../load/slug.js'
import type {Output} from '../output.js'

export const initHelp = `Usage: coursebook init [DIR] [--code CODE] [--title TITLE] [--presentation P]
                       [--author NAME] [--repo ORG/NAME] [--gitlab] [--yes] [--force]

Start a new course in DIR (default: the current folder): a config, a first
week with a page and a notebook, a Binder environment, a deploy workflow
(GitHub Pages, or GitLab Pages with --gitlab) and a README with a first-run
checklist. Asks for what the flags do not give, unless --yes or not on a
terminal. Existing files are never overwritten without --force.

Examples:
  npx coursebook init tm258 --code TM258 --title "Modelling Dynamic Systems" --repo open-uni/tm258
  coursebook init --gitlab --yes`

/** `coursebook init`: returns the exit code. */
export async function initCommand(argv: string[], output: Output, ask = defaultAsk): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      code: {type: 'string'},
      title: {type: 'string'},
      presentation: {type: 'string'},
      author: {type: 'string'},
      repo: {type: 'string'},
      gitlab: {type: 'boolean', default: false},
      yes: {type: 'boolean', short: 'y', default: false},
      force: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  })
  if (values.help) {
    output.out(initHelp)
    return 0
  }
  const dir = resolve(positionals[0] ?? '.')
  const interactive = !values.yes && Boolean(process.stdin.isTTY)
  const folder = slugify(basename(dir))
  const defaults = {
    code: values.code ?? 'XX101',
    title: values.title ?? 'My course',
    presentation: values.presentation ?? `${new Date().getFullYear()}J`,
    author: values.author ?? 'The course team',
    repo: values.repo ?? `your-org/${folder}`,
  }
  const answers: CourseAnswers = {...defaults, host: values.gitlab ? 'gitlab' : 'github'}
  if (interactive) {
    for (const [key, question] of [
      ['code', 'Course code'],
      ['title', 'Course title'],
      ['presentation', 'Presentation'],
      ['author', 'Author'],
      ['repo', `Repository on ${values.gitlab ? 'GitLab' : 'GitHub'} (org/name)`],
    ] as const) {
      if (values[key] === undefined) answers[key] = (await ask(`${question} (${defaults[key]}): `)) || defaults[key]
    }
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(answers.repo)) {
    output.err(`The repository must look like org/name, not "${answers.repo}".`)
    return 1
  }
  const files = courseFiles(answers)
  const clashes = Object.keys(files).filter((path) => existsSync(join(dir, path)))
  if (clashes.length > 0 && !values.force) {
    output.err(`${relative(process.cwd(), dir) || '.'} already has ${clashes.join(', ')}. Nothing was written; use --force to overwrite them.`)
    return 1
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  const where = relative(process.cwd(), dir) || '.'
  output.out(`Created ${answers.code} ${answers.title} in ${where}/ (${Object.keys(files).length} files).`)
  output.out(`Next: cd ${where} && npm install && npm run dev — then follow the first-run checklist in README.md.`)
  return 0
}

async function defaultAsk(question: string): Promise<string> {
  const rl = createInterface({input: process.stdin, output: process.stdout})
  try {
    return (await rl.question(question)).trim()
  } finally {
    rl.close()
  }
}

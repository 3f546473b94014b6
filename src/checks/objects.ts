import {runGit} from '../transform/launch/git.js'

/**
 * Look up many git object expressions (`REF:path`, `REF^{commit}`) with one
 * `git cat-file --batch-check` process. Returns each expression's object type
 * (`blob`, `tree`, `commit`), or undefined when it does not exist. An
 * expression containing a line break cannot be asked for and counts as absent.
 */
export async function objectTypes(repositoryTop: string, expressions: readonly string[]): Promise<Map<string, string | undefined>> {
  const types = new Map<string, string | undefined>()
  const asked = [...new Set(expressions)].filter((expression) => !/[\r\n]/.test(expression))
  for (const expression of expressions) types.set(expression, undefined)
  if (asked.length === 0) return types
  const result = await runGit(repositoryTop, ['cat-file', '--batch-check'], asked.map((e) => `${e}\n`).join(''))
  // One answer line per question, in order: `<sha> <type> <size>`, or `<expression> missing|ambiguous`.
  const answers = result.stdout.split('\n')
  asked.forEach((expression, i) => {
    const match = /^[0-9a-f]{40,64} (\w+) \d+$/.exec(answers[i] ?? '')
    types.set(expression, match ? match[1] : undefined)
  })
  return types
}

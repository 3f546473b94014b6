/** The files repo2docker builds a Binder environment from. */
export const ENVIRONMENT_FILES = [
  'requirements.txt', 'environment.yml', 'Pipfile', 'setup.py', 'Project.toml', 'runtime.txt', 'apt.txt', 'postBuild', 'Dockerfile',
] as const

/** The folders repo2docker looks in; when `binder/` or `.binder/` exists, the files in the root are ignored. */
const FOLDERS = ['binder', '.binder'] as const

/** The object expressions whose existence decides whether `ref` has a Binder environment. */
export function environmentExpressions(ref: string): string[] {
  const inFolder = (folder: string) => ENVIRONMENT_FILES.map((name) => `${ref}:${folder ? `${folder}/` : ''}${name}`)
  return [...FOLDERS.map((folder) => `${ref}:${folder}`), ...inFolder(''), ...FOLDERS.flatMap(inFolder)]
}

/**
 * Where the environment of `ref` is, from the answers to `environmentExpressions`:
 * `binder/…`, `.binder/…` or the root file found, or undefined when the
 * folder repo2docker would use has none of the files.
 */
export function findEnvironment(ref: string, types: ReadonlyMap<string, string | undefined>): string | undefined {
  const folder = FOLDERS.find((name) => types.get(`${ref}:${name}`) === 'tree') ?? ''
  const name = ENVIRONMENT_FILES.find((file) => types.get(`${ref}:${folder ? `${folder}/` : ''}${file}`) !== undefined)
  return name === undefined ? undefined : folder ? `${folder}/${name}` : name
}

/**
 * Tool, config and I/O failures that stop a build: a catalogue of named errors,
 * each saying what happened, why, and what to do. Content problems are not
 * errors here; they are diagnostics on the page (see `message.ts`).
 */
export interface ErrorData {
  name: string
  title: string
  hint: string
}

export class CoursebookError extends Error {
  readonly hint: string
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly ruleId: string

  constructor(
    data: ErrorData,
    message: string,
    options: {file?: string; line?: number; column?: number; cause?: unknown} = {},
  ) {
    super(message, {cause: options.cause})
    this.name = data.name
    this.ruleId = data.name
    this.hint = data.hint
    this.file = options.file
    this.line = options.line
    this.column = options.column
  }
}

export const ConfigNotFound: ErrorData = {
  name: 'config-not-found',
  title: 'No site.config.ts found',
  hint: 'Run coursebook from the course folder, pass --config path/to/site.config.ts, or create one with `coursebook init`.',
}

export const ConfigLoadFailed: ErrorData = {
  name: 'config-load-failed',
  title: 'The config file threw while it was loaded',
  hint: 'Run the file with node to see the underlying error, then fix it.',
}

export const ConfigInvalid: ErrorData = {
  name: 'config-invalid',
  title: 'The config does not match the schema',
  hint: 'Fix the key named above; every key is listed in the configuration reference of coursebook\'s documentation.',
}

export const ContentMissing: ErrorData = {
  name: 'content-missing',
  title: 'The content folder does not exist',
  hint: 'Create it, or set `contentDir` in site.config.ts.',
}

export const OutputUnsafe: ErrorData = {
  name: 'output-unsafe',
  title: 'The output folder would overwrite the course sources',
  hint: 'Choose an --out folder that is neither the course folder nor inside the content folder.',
}

export const WriteFailed: ErrorData = {
  name: 'write-failed',
  title: 'The site could not be written',
  hint: 'Check the output folder is writable and the disk has space; the previous site was left as it was.',
}

export const OuxmlSchemaMissing: ErrorData = {
  name: 'ouxml-schema-missing',
  title: 'The OU-XML schema to validate against could not be read',
  hint: 'Check the path given to --schema or `ouxml.schema` (relative to the config file); the schema\'s imported files must be beside it.',
}

export const OuxmlValidationFailed: ErrorData = {
  name: 'ouxml-validation-failed',
  title: 'The OU-XML validator could not run',
  hint: 'The schema may be malformed; run `xmllint --noout --schema SCHEMA FILE` on one document to see the underlying error.',
}

export const OuxmlUnitUnknown: ErrorData = {
  name: 'ouxml-unit-unknown',
  title: 'No unit has the name given to --unit',
  hint: 'Give a unit folder name or its slug, as listed in the message.',
}

export const ThemeInvalid: ErrorData = {
  name: 'theme-invalid',
  title: 'A theme file named in the config could not be used',
  hint: 'Check the paths under `theme` in site.config.ts (they are relative to it), and that each layout exports a default function.',
}

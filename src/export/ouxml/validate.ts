import {readFile} from 'node:fs/promises'
import {dirname, posix, resolve, relative, sep} from 'node:path'
import {validateXML, type XMLFileInfo} from 'xmllint-wasm'
import {CoursebookError, OuxmlSchemaMissing, OuxmlValidationFailed} from '../../diagnostics/errors.js'

/** A schema read from disk: the main file and every file it imports or includes, by path relative to it. */
export interface LoadedSchema {
  main: XMLFileInfo
  preload: XMLFileInfo[]
}

/** One schema error in one document. */
export interface SchemaError {
  /** The document's file name as given. */
  fileName: string
  /** Line in the document, when xmllint gave one. */
  line?: number
  /** xmllint's message without its location and prefix, e.g. `Element 'UnknownTag': This element is not expected. …`. */
  message: string
}

// The OU schema (with MathML 3) does not compile in xmllint-wasm's default memory.
const MEMORY = {initialMemoryPages: 4096, maxMemoryPages: 65536}
const LOCATION = /\bschemaLocation\s*=\s*["']([^"']+)["']/g

/**
 * Read a schema and, recursively, the files its `xsd:import` and
 * `xsd:include` name, so xmllint-wasm (which reads no files itself) can be
 * given them all. Throws `ouxml-schema-missing` when one cannot be read.
 */
export async function loadSchema(path: string): Promise<LoadedSchema> {
  const root = dirname(resolve(path))
  const files = new Map<string, string>()
  const read = async (file: string): Promise<void> => {
    const name = relative(root, file).split(sep).join(posix.sep)
    if (files.has(name)) return
    let contents: string
    try {
      contents = await readFile(file, 'utf8')
    } catch (error) {
      throw new CoursebookError(OuxmlSchemaMissing, `Cannot read the OU-XML schema file ${file}: ${(error as Error).message}`, {file, cause: error})
    }
    files.set(name, contents)
    for (const match of contents.matchAll(LOCATION)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(match[1]!)) await read(resolve(dirname(file), match[1]!))
    }
  }
  await read(resolve(path))
  const [main, ...rest] = [...files].map(([fileName, contents]) => ({fileName, contents}))
  return {main: main!, preload: rest}
}

/**
 * Validate documents against a loaded schema in one xmllint-wasm run (the
 * schema is compiled once: seconds for the OU schema). Returns the schema
 * errors; an empty list means every document is valid. Throws
 * `ouxml-validation-failed` when xmllint cannot run at all (a broken schema,
 * a document that is not well-formed XML).
 */
export async function validateDocuments(schema: LoadedSchema, documents: readonly XMLFileInfo[]): Promise<SchemaError[]> {
  if (documents.length === 0) return []
  let result
  try {
    result = await validateXML({xml: documents, schema: [schema.main], preload: schema.preload, ...MEMORY})
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).trim().split('\n').slice(0, 3).join(' ')
    throw new CoursebookError(OuxmlValidationFailed, `xmllint could not validate the OU-XML: ${reason}`, {cause: error})
  }
  if (result.valid) return []
  return result.errors
    .filter((e) => e.loc !== null)
    .map((e) => ({fileName: e.loc!.fileName, line: e.loc!.lineNumber || undefined, message: e.message.replace(/^(element [^:]*: )?Schemas validity error : /i, '').trim()}))
}

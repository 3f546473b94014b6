import * as z from 'zod'
import {asArray, isMultiline, isRecord, own} from './json-values.js'

/**
 * The nbformat 4 schema (minors 0 to 5), written from the nbformat
 * specification. Minor-version differences:
 * - 4.1 adds `attachments` on Markdown and raw cells;
 * - 4.5 requires a cell `id` (1 to 64 of `[a-zA-Z0-9-_]`, unique in the notebook);
 * - minors above 5 are a future format: unknown keys, cell types and output
 *   types are accepted, as the spec asks readers of newer minors to do.
 * An `id` on a cell of a minor below 5 is accepted (and checked) although
 * those schemas do not list it: it is harmless, and rejecting it would flag
 * notebooks that a newer tool saved without raising the minor version.
 */
export function notebookSchema(minor: number): z.ZodType {
  const key = Math.min(Math.max(Math.trunc(minor), 0), 6)
  let schema = cache.get(key)
  if (!schema) {
    schema = buildSchema(key)
    cache.set(key, schema)
  }
  return schema
}

const cache = new Map<number, z.ZodType>()

const cellIdPattern = /^[a-zA-Z0-9-_]+$/
const jsonMime = /^application\/(.*\+)?json$/

/** Rules that differ between minor versions. */
interface Variant {
  future: boolean
  requireId: boolean
  attachments: boolean
}

function buildSchema(minor: number): z.ZodType {
  const variant: Variant = {future: minor > 5, requireId: minor >= 5, attachments: minor >= 1}
  const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
    variant.future ? z.looseObject(shape) : z.strictObject(shape)
  const outputs = outputSchemas(variant, object)
  const cells = cellSchemas(variant, object, outputs)
  return object({
    metadata: notebookMetadata,
    nbformat_minor: z.int().min(0),
    nbformat: z.literal(4),
    cells: z.array(cells),
  }).superRefine(checkUniqueIds, {when: () => true})
}

type ObjectOf = <T extends z.core.$ZodLooseShape>(shape: T) => z.ZodObject<T, z.core.$strict> | z.ZodObject<T, z.core.$loose>

const multiline = z.union([z.string(), z.array(z.string())], {error: 'a string or an array of strings'})
const executionCount = z.int().min(0).nullable()

const notebookMetadata = z.looseObject({
  kernelspec: z.looseObject({name: z.string(), display_name: z.string()}).optional(),
  language_info: z.looseObject({
    name: z.string(),
    codemirror_mode: z.union([z.string(), z.looseObject({})], {error: 'a string or an object'}).optional(),
    file_extension: z.string().optional(),
    mimetype: z.string().optional(),
    pygments_lexer: z.string().optional(),
  }).optional(),
  orig_nbformat: z.int().min(1).optional(),
  title: z.string().optional(),
  authors: z.array(z.looseObject({name: z.string().optional()})).optional(),
})

const tags = z.array(z.string().regex(/^[^,]+$/, 'a tag must be non-empty and contain no comma')).superRefine((list, ctx) => {
  const seen = new Set<string>()
  list.forEach((tag, index) => {
    if (seen.has(tag)) ctx.addIssue({code: 'custom', path: [index], message: `repeats the tag "${tag}"`, input: tag})
    seen.add(tag)
  })
})

const cellMetadataShape = {
  name: z.string().min(1).optional(),
  tags: tags.optional(),
  jupyter: z.looseObject({source_hidden: z.boolean().optional(), outputs_hidden: z.boolean().optional()}).optional(),
  deletable: z.boolean().optional(),
  editable: z.boolean().optional(),
}

const codeCellMetadata = z.looseObject({
  ...cellMetadataShape,
  collapsed: z.boolean().optional(),
  scrolled: z.union([z.boolean(), z.literal('auto')], {error: 'true, false or "auto"'}).optional(),
  execution: z.record(z.string(), z.string()).optional(),
})

const mimeBundle = z.record(z.string(), z.unknown()).superRefine((bundle, ctx) => {
  for (const [mime, value] of Object.entries(bundle)) {
    // JSON MIME types hold any JSON value; every other type holds text.
    if (jsonMime.test(mime) || isMultiline(value)) continue
    ctx.addIssue({code: 'custom', path: [mime], params: {expected: 'a string or an array of strings'}, input: value})
  }
})

function outputSchemas(variant: Variant, object: ObjectOf): z.ZodType {
  const metadata = z.looseObject({})
  return tagged('output_type', {
    execute_result: object({output_type: z.literal('execute_result'), execution_count: executionCount, data: mimeBundle, metadata}),
    display_data: object({output_type: z.literal('display_data'), data: mimeBundle, metadata}),
    stream: object({output_type: z.literal('stream'), name: z.string(), text: multiline}),
    error: object({output_type: z.literal('error'), ename: z.string(), evalue: z.string(), traceback: z.array(z.string())}),
  }, variant.future)
}

function cellSchemas(variant: Variant, object: ObjectOf, outputs: z.ZodType): z.ZodType {
  const id = z.string().min(1).max(64).regex(cellIdPattern, `a cell id must match ${cellIdPattern.source}`)
  const base = {id: variant.requireId ? id : id.optional(), metadata: z.looseObject(cellMetadataShape), source: multiline}
  const attachments = variant.attachments ? {attachments: z.record(z.string(), mimeBundle).optional()} : {}
  return tagged('cell_type', {
    markdown: object({...base, cell_type: z.literal('markdown'), ...attachments}),
    raw: object({
      ...base,
      cell_type: z.literal('raw'),
      metadata: z.looseObject({...cellMetadataShape, format: z.string().optional()}),
      ...attachments,
    }),
    code: object({
      ...base,
      cell_type: z.literal('code'),
      metadata: codeCellMetadata,
      outputs: z.array(outputs),
      execution_count: executionCount,
    }),
  }, variant.future)
}

/**
 * A schema for objects told apart by the string at `key`: the matching option
 * validates the object and its issues are reported in place. An unknown tag is
 * an issue on `key`, unless `future` allows it.
 */
function tagged(key: string, options: Record<string, z.ZodType>, future: boolean): z.ZodType {
  const known = Object.keys(options)
  return z.unknown().superRefine((value, ctx) => {
    if (!isRecord(value)) {
      ctx.addIssue({code: 'invalid_type', expected: 'object', input: value})
      return
    }
    const tag = own(value, key)
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined
    if (option) {
      const result = option.safeParse(value, {reportInput: true})
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({...issue})
    } else if (!(future && typeof tag === 'string')) {
      ctx.addIssue({code: 'invalid_value', values: known, path: [key], input: tag})
    }
  })
}

/** Cell ids must be unique within the notebook, whatever else is wrong with it. */
function checkUniqueIds(notebook: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(notebook)) return
  const firstUse = new Map<string, number>()
  asArray(own(notebook, 'cells')).forEach((cell, index) => {
    const id = isRecord(cell) ? own(cell, 'id') : undefined
    if (typeof id !== 'string') return
    const first = firstUse.get(id)
    if (first === undefined) firstUse.set(id, index)
    else ctx.addIssue({code: 'custom', path: ['cells', index, 'id'], message: `is ${JSON.stringify(id)}, already the id of cells[${first}]`, input: id})
  })
}

import {toJSONSchema} from 'zod'
import {configSchema} from './schema.js'

/** One documented config key: its dotted path, accepted values, default and description. */
export interface ConfigKey {
  path: string
  type: string
  default?: string
  description?: string
  required: boolean
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  description?: string
  format?: string
  additionalProperties?: boolean | JsonSchema
}

/**
 * Every key of `site.config.ts`, read from the one zod schema (through its
 * JSON Schema, as users would see it before defaults are applied), depth
 * first in schema order. Objects are listed and then their keys, so the
 * reference mirrors how a config file is written.
 */
export function configKeys(): ConfigKey[] {
  const root = toJSONSchema(configSchema, {io: 'input', unrepresentable: 'any'}) as JsonSchema
  const keys: ConfigKey[] = []
  const walk = (schema: JsonSchema, prefix: string) => {
    const required = new Set(schema.required ?? [])
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name
      keys.push({
        path,
        type: describeType(child),
        default: child.default === undefined ? undefined : JSON.stringify(child.default),
        description: child.description ?? objectOf(child)?.description,
        required: required.has(name),
      })
      const object = objectOf(child)
      if (object?.properties) walk(object, path)
    }
  }
  walk(root, '')
  return keys
}

/** The object form of a key that also accepts a shorthand (`theme: 'default'` or `theme: {name}`). */
function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema
  return schema.anyOf?.find((option) => option.properties)
}

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.anyOf) return [...new Set(schema.anyOf.map(describeType))].join(' \\| ')
  if (schema.type === 'array') {
    const item = schema.items ? describeType(schema.items) : 'value'
    return item.includes('|') ? `(${item})[]` : `${item}[]`
  }
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `{[key]: ${describeType(schema.additionalProperties)}}`
  }
  if (schema.format === 'uri') return 'URL'
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ')
  return schema.type ?? 'any'
}

/** The reference as a Markdown page: one table row per key. */
export function configReferenceMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ')
  const rows = configKeys().map((key) => {
    const name = `\`${key.path}\`${key.required ? ' (required)' : ''}`
    const value = key.default === undefined ? '' : `\`${cell(key.default)}\``
    return `| ${name} | ${key.type.includes('`') ? key.type : `\`${key.type}\``} | ${value} | ${cell(key.description ?? '')} |`
  })
  return [
    '---',
    'title: Configuration reference',
    '---',
    '',
    '# Configuration reference',
    '',
    'Every key `site.config.ts` accepts. This page is generated from the schema coursebook validates the config with, so it always matches the version that built it. A key that is not listed here is an error, with a suggestion when it looks like a misspelling.',
    '',
    '| key | accepts | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}

import {z} from 'zod'

/**
 * The one schema for `site.config.ts`: the source of its types, defaults and
 * error messages. Objects are strict so that a misspelt key is reported rather
 * than silently ignored.
 */
const severity = z.enum(['error', 'warning', 'info', 'off'])

const author = z.union([
  z.string().min(1),
  z.strictObject({name: z.string().min(1), email: z.string().optional(), url: z.string().optional()}),
])

export const binderSchema = z.strictObject({
  /** `org/name` on GitHub or GitLab, or a full clone URL for provider `git`. */
  repo: z.string().min(1),
  ref: z.string().min(1).default('main'),
  provider: z.enum(['github', 'gitlab', 'git']).default('github'),
  hub: z.url().default('https://mybinder.org'),
  interface: z.enum(['lab', 'notebook']).default('lab'),
  /** Where the content folder sits inside the repository. */
  contentPath: z.string().default('content'),
})

export const themeSchema = z.strictObject({
  name: z.enum(['default']).default('default'),
})

export const configSchema = z.strictObject({
  code: z.string().min(1).describe('Course code, e.g. TM351.'),
  title: z.string().min(1).describe('Course title.'),
  presentation: z.string().optional().describe('Presentation, e.g. 2026J.'),
  authors: z.array(author).default([]),
  description: z.string().optional(),
  language: z.string().default('en'),
  /** Absolute URL the site is published at; only feeds and sitemaps need it. */
  baseUrl: z.url().optional(),
  contentDir: z.string().default('content'),
  outDir: z.string().default('dist'),
  /** Unit folders in order; when absent, every folder of contentDir, by numeric prefix. */
  units: z.array(z.string().min(1)).optional(),
  binder: binderSchema.optional(),
  theme: z.union([z.enum(['default']).transform((name) => ({name})), themeSchema]).default({name: 'default'}),
  math: z.strictObject({macros: z.record(z.string(), z.string()).default({})}).default({macros: {}}),
  /** Per-rule severity overrides, e.g. `{'math-error': 'error'}`. */
  diagnostics: z.record(z.string(), severity).default({}),
})

/** What a config file may contain (before defaults). */
export type UserConfig = z.input<typeof configSchema>
/** The config after validation and defaults. */
export type Config = z.output<typeof configSchema>
export type BinderConfig = z.output<typeof binderSchema>

/** A validated config, with the paths it implies made absolute. Frozen. */
export interface ResolvedConfig extends Config {
  /** Folder the config file sits in; relative paths resolve from it. */
  root: string
  /** The config file, or undefined when built without one. */
  configPath?: string
  contentPath: string
  outPath: string
}

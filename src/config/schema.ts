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

export const tikzSchema = z.strictObject({
  engine: z
    .enum(['auto', 'tikzjax', 'latex'])
    .default('auto')
    .describe('How TikZ is turned into SVG: `tikzjax` (built in, no TeX needed), `latex` (latex + dvisvgm on PATH), or `auto` (latex when installed, else tikzjax).'),
  magic: z
    .enum(['auto', 'tikzmagic', 'jupyter-tikz'])
    .default('auto')
    .describe('Which magic `%%tikz` cells were written for: IPython tikzmagic (the OU\'s; `-p` packages), jupyter-tikz (`-p` preamble), or `auto` to judge each cell by its options.'),
  timeout: z.number().positive().default(60).describe('Seconds one diagram may take before it is stopped and reported.'),
  showSource: z.boolean().default(false).describe('Show the TikZ source of `%%tikz` cells above their drawing (otherwise collapsed behind "Show code").'),
  cacheDir: z.string().optional().describe('Where rendered diagrams are cached, relative to the config file (default `.coursebook/cache/tikz`).'),
  preamble: z.string().optional().describe('LaTeX added to the preamble of every diagram, e.g. `\\usetikzlibrary{calc}` or colour definitions.'),
})

/** The values the OU schema allows for `Item/@Rendering`. */
export const ouxmlRenderings = [
  'VLE2 staff (learn3)', 'VLE2 modules (learn2)', 'VLE2 shared (learn1)', 'Qualification website (learn4)', 'Open Science Lab (learn5)',
  'Prison VLE (learn7)', 'OpenLearn', 'OpenLearnCreate', 'Draft PDF', 'Print PDF', 'Print PDF + crop marks', 'XML', 'Accessible', 'Alternative', 'Audiobook',
] as const

export const ouxmlSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Write the OU-XML export into `<outDir>/ouxml/` with every build.'),
  itemPer: z.enum(['unit', 'course']).default('unit').describe('One OU-XML document (`Item`) per unit, or one for the whole course.'),
  template: z.string().default('Generic_A4_Unnumbered').describe('`Item/@Template`, the OU print template.'),
  rendering: z.enum(ouxmlRenderings).default('VLE2 staff (learn3)').describe('`Item/@Rendering`, where the document is published.'),
  discussionAlias: z.enum(['Discussion', 'Comment', 'Feedback', 'Solution']).default('Discussion').describe('`Item/@DiscussionAlias`, what discussions of activities are called.'),
  vleglossary: z.enum(['auto', 'manual']).default('auto').describe('`Item/@vleglossary`: whether the VLE builds the glossary.'),
  numberSessions: z.boolean().default(false).describe('Number session titles (`1 …`) and section titles (`1.2 …`) in the text.'),
  headings: z.enum(['sections', 'internal']).default('sections').describe('Headings become `Section`/`SubSection`/`SubSubSection`, or nested `InternalSection`s as the OU toolchain writes.'),
  imagePathPrefix: z.string().default('').describe('Put before every image path in `Image/@src`, e.g. the SharePoint folder the images are uploaded to.'),
  mediaPathPrefix: z.string().optional().describe('Put before the path of every other packaged file (HTML5 packages, linked files); default `imagePathPrefix`.'),
  htmlOutputs: z.enum(['package', 'omit']).default('package').describe('Notebook HTML outputs other than tables: an HTML5 package (`MediaContent type="html5"`), or left out with a diagnostic.'),
  schema: z.string().optional().describe('An OU-XML schema (`.xsd`, relative to the config file) to validate every document against after each build.'),
  byline: z.string().optional().describe('`ByLine` of each unit (and of the front matter); default the authors.'),
  firstPublished: z.union([z.string(), z.number().int()]).optional().describe('Year of first publication, for the imprint. Setting it, `isbn` or `edition` adds the `FrontMatter`.'),
  isbn: z.string().optional().describe('ISBN, for the imprint.'),
  edition: z.string().optional().describe('Edition, for the imprint.'),
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
  trust: z
    .enum(['author', 'untrusted'])
    .default('author')
    .describe(
      "Whose content this is. `author` (the course team's own): HTML in notebook outputs and Markdown is published as written, scripts included. `untrusted` (students' or outside notebooks): raw HTML, HTML, SVG and Markdown outputs are sanitised (no scripts, event handlers, `javascript:` URLs, iframes or forms) and JavaScript outputs are dropped. A page can lower its own trust with `trust: untrusted` in its front matter, never raise it.",
    ),
  tikz: tikzSchema.prefault({}).describe('TikZ diagrams: fences and `%%tikz` cells rendered to SVG at build time.'),
  ouxml: ouxmlSchema.prefault({}).describe('The OU-XML export: one document per unit for the OU VLE, with its media, in `<outDir>/ouxml/`.'),
  /** Per-rule severity overrides, e.g. `{'math-error': 'error'}`. */
  diagnostics: z.record(z.string(), severity).default({}),
})

/** What a config file may contain (before defaults). */
export type UserConfig = z.input<typeof configSchema>
/** The config after validation and defaults. */
export type Config = z.output<typeof configSchema>
export type BinderConfig = z.output<typeof binderSchema>
export type OuxmlConfig = z.output<typeof ouxmlSchema>
export type TikzConfig = z.output<typeof tikzSchema>

/** A validated config, with the paths it implies made absolute. Frozen. */
export interface ResolvedConfig extends Config {
  /** Folder the config file sits in; relative paths resolve from it. */
  root: string
  /** The config file, or undefined when built without one. */
  configPath?: string
  contentPath: string
  outPath: string
}

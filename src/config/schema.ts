import * as z from 'zod'

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
  repo: z.string().min(1).describe('The repository Binder builds: `org/name` on GitHub or GitLab, or a full clone URL for provider `git`.'),
  ref: z.string().min(1).default('main').describe('The branch, tag or commit to launch.'),
  provider: z.enum(['github', 'gitlab', 'git']).default('github').describe('Where the repository is hosted.'),
  hub: z.url().default('https://mybinder.org').describe('The BinderHub to launch on.'),
  interface: z.enum(['lab', 'notebook']).default('lab').describe('Open notebooks in JupyterLab (`?labpath=`) or the classic interface (`?urlpath=tree/`).'),
  contentPath: z.string().default('content').describe('Where the content folder sits inside the repository.'),
})

const launchInterface = z.enum(['lab', 'notebook']).default('lab').describe('Open the file in JupyterLab (`lab`) or the classic/Notebook 7 interface (`notebook`).')
const launchLabel = z.string().min(1).optional().describe('Text of the link (default: "Launch on Binder", "Open in JupyterHub", "Open in JupyterLite", "Open in Colab").')

/** A GitHub repository as `org/name` or its https://github.com/ URL: the only kind Colab can open. */
const githubRepo = /^(?:https:\/\/github\.com\/)?[\w.-]+\/[\w.-]+?(?:\.git)?\/?$/

/** The ways a reader can open a notebook; `launch` lists them, the first being the page's main button. */
export const launcherSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('binder'),
    repo: z.string().min(1).describe('The repository Binder builds the environment from: `org/name` on GitHub or GitLab, or a clone URL for provider `git`.'),
    ref: z.string().min(1).default('main'),
    provider: z.enum(['github', 'gitlab', 'git']).default('github'),
    hub: z.url().default('https://mybinder.org'),
    interface: launchInterface,
    content: z
      .strictObject({repo: z.string().min(1), branch: z.string().min(1).default('main')})
      .optional()
      .describe('A separate content repository, pulled into the environment by nbgitpuller (`org/name` on GitHub, or a clone URL).'),
    label: launchLabel,
  }),
  z.strictObject({
    type: z.literal('jupyterhub'),
    hub: z.url().describe('The JupyterHub, e.g. https://hub.example.ac.uk (nbgitpuller must be installed there).'),
    repo: z.string().min(1).describe('The content repository: `org/name` on GitHub, or a clone URL.'),
    branch: z.string().min(1).default('main'),
    interface: launchInterface,
    label: launchLabel,
  }),
  z.strictObject({
    type: z.literal('jupyterlite'),
    url: z.url().describe('Where the JupyterLite site is published; its files must hold the content folder as in the repository.'),
    interface: launchInterface,
    label: launchLabel,
  }),
  z.strictObject({
    type: z.literal('colab'),
    repo: z.string().regex(githubRepo, 'Colab opens notebooks from GitHub only: give `org/name` or a https://github.com/ URL'),
    ref: z.string().min(1).default('main'),
    label: launchLabel,
  }),
])

export const launchOptionsSchema = z.strictObject({
  contentPath: z.string().optional().describe('Where the content folder sits inside the repository (default `binder.contentPath`, else `content`), for every launcher.'),
  pin: z.boolean().default(false).describe('Point Binder and Colab links at the commit the site was built from (`git rev-parse HEAD`) instead of the branch.'),
  jupytext: z.boolean().default(false).describe('The environments can open Markdown notebooks (jupytext): Markdown pages with a `kernelspec` get launch links too.'),
  check: z.boolean().default(true).describe('Check at build time, in the local git repository, that every launch link opens a file that exists at its ref.'),
})

/** What the numbering step numbers, and how a number is shown (`%s` stands for it, e.g. `2.3`). */
export const numberingSchema = z.strictObject({
  figures: z.boolean().default(true).describe('Number figures (`{figure}` with a caption) per unit.'),
  tables: z.boolean().default(true).describe('Number tables with a caption (`{table}`, `{list-table}`) per unit.'),
  equations: z.boolean().default(true).describe('Number labelled display equations per unit, shown beside the equation.'),
  code: z.boolean().default(true).describe('Number code listings with a caption per unit.'),
  sections: z.boolean().default(false).describe('Number the headings of each unit (`2.1`, `2.1.1`), shown before the heading text.'),
  format: z
    .strictObject({
      figure: z.string().default('Figure %s').describe('A figure\'s number, in its caption and in `{numref}`.'),
      table: z.string().default('Table %s').describe('A table\'s number, in its caption and in `{numref}`.'),
      equation: z.string().default('(%s)').describe('An equation\'s number, beside it and in `{eq}` and `\\eqref`.'),
      code: z.string().default('Listing %s').describe('A code listing\'s number, in its caption and in `{numref}`.'),
      section: z.string().default('Section %s').describe('A section\'s number in `{numref}` (with `sections` on).'),
    })
    .prefault({})
    .describe('How each kind of number is shown in captions and in `{numref}` references; `%s` is the number.'),
})

export const tocSchema = z.strictObject({
  file: z.string().min(1).describe('The table of contents file, relative to the config file.'),
  unitTitle: z.string().min(1).optional().describe('Title of the one unit of a table of contents without parts (default: the course title).'),
})

/** A CSS colour: `#rgb`, `#rrggbb(aa)`, `rgb()`/`hsl()`/`oklch()`…, or a named colour. */
const cssColour = z.string().regex(/^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([^;{}]*\)|[a-z]+)$/i, 'a CSS colour such as #0b5cad, rgb(11 92 173) or teal')

/** The colour tokens a team may set; each is a CSS custom property of the themes (see `src/render/theme-tokens.ts`). */
const colourTokens = {
  accent: cssColour.optional().describe('Links, buttons and highlights.'),
  accentHover: cssColour.optional().describe('Links and buttons under the pointer.'),
  accentSoft: cssColour.optional().describe('Tinted backgrounds: the current page in the navigation, badges.'),
  accentContrast: cssColour.optional().describe('Text on the accent colour (button labels).'),
  brand: cssColour.optional().describe('The header band of the `institutional` theme.'),
  brandText: cssColour.optional().describe('Text on the header band.'),
}

export const themeSchema = z.strictObject({
  name: z.enum(['default', 'institutional']).default('default').describe('The built-in theme: `default`, or `institutional` (a header band in the brand colour with the logo).'),
  logo: z.string().optional().describe('An image (relative to the config file) shown in the site header; copied into the site.'),
  logoAlt: z.string().optional().describe('The logo\'s alt text, e.g. the institution\'s name (default: empty, as the course title beside it names the site).'),
  colours: z
    .strictObject({...colourTokens, dark: z.strictObject(colourTokens).optional().describe('The same tokens for dark mode.')})
    .optional()
    .describe('Colour tokens that restyle the theme without CSS: `accent`, `accentHover`, `accentSoft`, `accentContrast`, `brand`, `brandText`, and `dark: {…}` for dark mode.'),
  css: z.union([z.string(), z.array(z.string())]).optional().describe('Stylesheets (relative to the config file) added after the theme\'s own, on every page.'),
  layouts: z.string().optional().describe('A folder (relative to the config file) of layouts that replace the theme\'s own one by one: `home`, `unit`, `page`, `search` (`.ts`, `.mjs` or `.js`, each exporting a default function of the layout data).'),
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
  authors: z.array(author).default([]).describe('The authors, shown on the course home and in the footer: names, or `{name, email?, url?}`.'),
  description: z.string().optional().describe('One or two sentences about the course, shown on the course home and as the pages\' description.'),
  language: z.string().default('en').describe('The language of the pages (`lang`), e.g. `en-GB`.'),
  baseUrl: z.url().optional().describe('The absolute URL the site is published at; the Atom feed and the sitemap need it (pages never do).'),
  contentDir: z.string().default('content').describe('The course folder, relative to the config file.'),
  outDir: z.string().default('dist').describe('Where the site is written, relative to the config file.'),
  units: z.array(z.string().min(1)).optional().describe('The unit folders in order; without it, every folder of `contentDir`, by numeric prefix.'),
  toc: z
    .union([z.string().min(1).transform((file): z.output<typeof tocSchema> => ({file})), tocSchema])
    .optional()
    .describe('A Jupyter Book table of contents (`_toc.yml`, relative to the config file) that decides the units and pages instead of the folders of `contentDir`: each part is a unit; its files are relative to `contentDir`. Set by itself when building a Jupyter Book folder.'),
  substitutions: z
    .record(z.string(), z.string())
    .default({})
    .describe('MyST substitutions: `{{ name }}` in the text of every page and Markdown cell is replaced by the value, read as inline Markdown. A page\'s front matter `substitutions` adds to these and wins.'),
  binder: binderSchema.optional().describe('Launch on Binder: the shorthand for `launch: [{type: \'binder\', …}]`.'),
  launch: z.array(launcherSchema).min(1).optional().describe('Where readers can run a notebook, in order: the first is the main button, the rest a menu. Each is `{type: \'binder\', repo, ref?, provider?, hub?, interface?, content?: {repo, branch?}}`, `{type: \'jupyterhub\', hub, repo, branch?, interface?}` (nbgitpuller), `{type: \'jupyterlite\', url, interface?}` or `{type: \'colab\', repo, ref?}` (GitHub only), each with an optional `label`. `binder` is the shorthand for a one-element list.'),
  launchOptions: launchOptionsSchema.prefault({}).describe('Options shared by every launcher.'),
  theme: z
    .union([z.enum(['default', 'institutional']).transform((name): z.output<typeof themeSchema> => ({name})), themeSchema])
    .default({name: 'default'})
    .describe('How the site looks: a built-in theme by name, or `{name, logo, colours, css, layouts}`.'),
  math: z
    .strictObject({macros: z.record(z.string(), z.string()).default({}).describe('KaTeX macros every page starts with, e.g. `{\'\\\\R\': \'\\\\mathbb{R}\'}`.')})
    .default({macros: {}})
    .describe('Equations, typeset with KaTeX at build time.'),
  numbering: numberingSchema.prefault({}).describe('Numbers of figures, tables, equations, code listings and (optionally) sections, counted per unit ("Figure 2.3"), and the text cross-references show.'),
  trust: z
    .enum(['author', 'untrusted'])
    .default('author')
    .describe(
      "Whose content this is. `author` (the course team's own): HTML in notebook outputs and Markdown is published as written, scripts included. `untrusted` (students' or outside notebooks): raw HTML, HTML, SVG and Markdown outputs are sanitised (no scripts, event handlers, `javascript:` URLs, iframes or forms) and JavaScript outputs are dropped. A page can lower its own trust with `trust: untrusted` in its front matter, never raise it.",
    ),
  audience: z
    .enum(['student', 'tutor', 'team'])
    .default('student')
    .describe(
      'Who the build is for. `student`: solutions (`{solution}`, cells tagged `solution`, `solutions`, `tutor` or `tutor-only`) and `{tutor}` blocks are removed before anything is rendered, from the pages, the OU-XML, the search index and the notebook downloads, and a page that lost any gets no launch link. `tutor`: they stay, marked "Tutor only". `team`: as `tutor`, plus the course status page (`status.html`). `coursebook build --audience` overrides it.',
    ),
  status: z.boolean().default(false).describe('Write the course status page for the course team (`status.html`: words against targets, page status, study time, problems, last change) whatever the audience. Nothing in the site links to it.'),
  tikz: tikzSchema.prefault({}).describe('TikZ diagrams: fences and `%%tikz` cells rendered to SVG at build time.'),
  ouxml: ouxmlSchema.prefault({}).describe('The OU-XML export: one document per unit for the OU VLE, with its media, in `<outDir>/ouxml/`.'),
  diagnostics: z.record(z.string(), severity).default({}).describe('Per-rule severity overrides: `error`, `warning`, `info` or `off`, e.g. `{\'math-error\': \'error\'}`. The diagnostics catalogue lists every rule.'),
}).refine((config) => !(config.binder && config.launch), {
  path: ['binder'],
  message: 'give the launchers in `launch` or the `binder` shorthand, not both (put the Binder settings into `launch` as `{type: \'binder\', …}`)',
})

/** What a config file may contain (before defaults). */
export type UserConfig = z.input<typeof configSchema>
/** The config after validation and defaults. */
export type Config = z.output<typeof configSchema>
export type BinderConfig = z.output<typeof binderSchema>
export type LauncherConfig = z.output<typeof launcherSchema>
export type LaunchOptionsConfig = z.output<typeof launchOptionsSchema>
export type OuxmlConfig = z.output<typeof ouxmlSchema>
export type TikzConfig = z.output<typeof tikzSchema>
export type ThemeConfig = z.output<typeof themeSchema>
export type NumberingConfig = z.output<typeof numberingSchema>

/** A validated config, with the paths it implies made absolute. Frozen. */
export interface ResolvedConfig extends Config {
  /** Folder the config file sits in; relative paths resolve from it. */
  root: string
  /** The config file, or undefined when built without one. */
  configPath?: string
  contentPath: string
  outPath: string
}

import {version} from '../package-info.js'

/** What `coursebook init` asks for (or takes as flags). */
export interface CourseAnswers {
  code: string
  title: string
  presentation: string
  author: string
  /** `org/name` on the Git host. */
  repo: string
  host: 'github' | 'gitlab'
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

/** The starter notebook: small, runs anywhere, and imports exactly what binder/requirements.txt installs. */
function starterNotebook(a: CourseAnswers): string {
  const cell = (id: string, type: 'markdown' | 'code', source: string) =>
    type === 'code'
      ? {cell_type: type, execution_count: null, id, metadata: {}, outputs: [], source}
      : {cell_type: type, id, metadata: {}, source}
  return json({
    cells: [
      cell('intro', 'markdown', `# Your first notebook\n\nThis notebook belongs to ${a.code} *${a.title}*. Readers see it on the course site with its saved outputs, and can run it on Binder with the **Launch on Binder** button.\n\nRun each cell with **Shift + Enter**.`),
      cell('imports', 'code', 'import numpy as np\nimport matplotlib.pyplot as plt'),
      cell('explain', 'markdown', 'A damped oscillation, $x(t) = e^{-\\zeta t}\\cos(2\\pi t)$, sampled 200 times:'),
      cell('plot', 'code', 't = np.linspace(0, 5, 200)\nx = np.exp(-0.5 * t) * np.cos(2 * np.pi * t)\nplt.plot(t, x)\nplt.xlabel("time / s")\nplt.ylabel("displacement")\nplt.show()'),
      cell('next', 'markdown', 'Replace this notebook with your own. Run it before you commit it, so the site shows its outputs.'),
    ],
    metadata: {
      kernelspec: {display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3'},
      language_info: {name: 'python'},
    },
    nbformat: 4,
    nbformat_minor: 5,
  })
}

/** The files of a new course, by path relative to its folder. */
export function courseFiles(a: CourseAnswers): Record<string, string> {
  const [org, name] = a.repo.split('/')
  const pagesUrl = a.host === 'github' ? `https://${org}.github.io/${name}/` : `https://${org}.gitlab.io/${name}/`
  const repoUrl = a.host === 'github' ? `https://github.com/${a.repo}` : `https://gitlab.com/${a.repo}`
  const binderUrl = `https://mybinder.org/v2/${a.host === 'github' ? `gh/${a.repo}` : `gl/${encodeURIComponent(a.repo)}`}/main?labpath=${encodeURIComponent('content/week-01-getting-started/02-first-notebook.ipynb')}`
  const settings = a.host === 'github' ? `${repoUrl}/settings/pages` : `${repoUrl}/-/pages`
  const files: Record<string, string> = {
    'site.config.ts': `import {defineConfig} from 'coursebook'

export default defineConfig({
  code: ${JSON.stringify(a.code)},
  title: ${JSON.stringify(a.title)},
  presentation: ${JSON.stringify(a.presentation)},
  authors: [${JSON.stringify(a.author)}],
  baseUrl: ${JSON.stringify(pagesUrl)},
  binder: {
    repo: ${JSON.stringify(a.repo)},
    provider: ${JSON.stringify(a.host)},
    ref: 'main',
    contentPath: 'content',
  },
})
`,
    'package.json': json({
      name: (name ?? 'course').toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
      private: true,
      type: 'module',
      scripts: {build: 'coursebook build', dev: 'coursebook dev', strict: 'coursebook build --strict'},
      devDependencies: {coursebook: `^${version}`},
    }) + '\n',
    '.gitignore': 'node_modules/\ndist/\n.coursebook/\n.ipynb_checkpoints/\n',
    'binder/requirements.txt': '# What the course notebooks import; Binder installs it for every launch.\nnumpy\nmatplotlib\n',
    'content/index.md': `# ${a.title}\n\nWelcome to ${a.code} *${a.title}* (${a.presentation}). Each week of the course is listed below, with what you will learn and how long it should take.\n`,
    'content/week-01-getting-started/_unit.yml': `title: "Week 1: Getting started"\nsummary: How this course works, and your first notebook.\nstudy_time: 60\nlearning_outcomes:\n  - Find your way around the course site.\n  - Run a Jupyter notebook on Binder or on your own computer.\n`,
    'content/week-01-getting-started/01-welcome.md': `---\nstudy_time: 15\n---\n\n# Welcome\n\nThis is the first page of ${a.code}. Write each page as Markdown, with equations such as $E = mc^2$ and notes like this one:\n\n:::tip\nEvery notebook page has a **Launch on Binder** button and a **Download notebook** link.\n:::\n\nNext, open [your first notebook](02-first-notebook.ipynb).\n`,
    'content/week-01-getting-started/02-first-notebook.ipynb': starterNotebook(a) + '\n',
    'content/week-01-getting-started/00-first-run-checklist.md': checklistPage(a, {pagesUrl, repoUrl, binderUrl, settings}),
    'README.md': readme(a, {pagesUrl, repoUrl, binderUrl, settings}),
  }
  if (a.host === 'github') files['.github/workflows/publish.yml'] = githubWorkflow()
  else files['.gitlab-ci.yml'] = gitlabPipeline()
  return files
}

type Links = {pagesUrl: string; repoUrl: string; binderUrl: string; settings: string}

/**
 * What to set up once, with direct links built from the repository's name:
 * in the course README, and as a page of the site that only a team build
 * (`--audience team`) shows.
 */
function firstRunChecklist(a: CourseAnswers, links: Links): string {
  return `1. **Publish the site.** In ${links.settings}, set the source to ${a.host === 'github' ? '"GitHub Actions"' : 'the pipeline (it is on by default for a \`pages\` job)'}. The
   workflow in \`${a.host === 'github' ? '.github/workflows/publish.yml' : '.gitlab-ci.yml'}\` builds the site on every push to \`main\`;
   after the first run it is at ${links.pagesUrl}
2. **Check the Binder link.** Open ${links.binderUrl}
   — the first launch builds the environment from \`binder/requirements.txt\` and takes a few minutes. When
   the starter notebook opens and its cells run, every notebook's **Launch on Binder** button works.
   Add to \`binder/requirements.txt\` whatever your notebooks import.
3. **OU-XML for the VLE.** Every build also writes \`dist/ouxml/\`, one document and one \`.zip\` per week; the
   workflow keeps them as a build artifact named \`ouxml\`. To check them against the OU-XML schema, put your
   copy of the schema in the repository (e.g. \`schema/OUIntermediateSchema.xsd\`) and run
   \`npx coursebook export ouxml --validate --schema schema/OUIntermediateSchema.xsd\`.
4. **Write the course.** Each week is a folder of \`content/\` (\`week-02-…\`) with a \`_unit.yml\`; pages are
   \`.md\` and \`.ipynb\` files, in the order of their numeric prefixes.
`
}

/** The checklist as a page of week 1 for the course team: `audience: team` keeps it out of the student site. */
function checklistPage(a: CourseAnswers, links: Links): string {
  return `---
title: First-run checklist
audience: team
---

# First-run checklist

Only the course team sees this page: it is built with \`npx coursebook build --audience team\` (or
\`npm run dev -- --audience team\`) and left out of the site students get. Delete it when everything below is done.

${firstRunChecklist(a, links)}`
}

function readme(a: CourseAnswers, links: Links): string {
  return `# ${a.code} ${a.title}

The course site for ${a.code} *${a.title}*, presentation ${a.presentation}, built with
[coursebook](https://www.npmjs.com/package/coursebook) from the notebooks and pages in \`content/\`.

\`\`\`sh
npm install
npm run dev      # serve the course at http://127.0.0.1:4000/ and rebuild as you edit
npm run build    # build the site into dist/ (and the OU-XML export into dist/ouxml/)
\`\`\`

## First-run checklist

${firstRunChecklist(a, links)}`
}

function githubWorkflow(): string {
  return `name: Publish the course site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: true

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - run: npx coursebook build --strict
      - uses: actions/upload-artifact@v4
        with:
          name: ouxml
          path: dist/ouxml/
          if-no-files-found: ignore
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist/
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`
}

function gitlabPipeline(): string {
  return `image: node:20

pages:
  script:
    - npm install
    - npx coursebook build --strict --out public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

ouxml:
  script:
    - npm install
    - npx coursebook build --strict
  artifacts:
    name: ouxml
    paths:
      - dist/ouxml/
`
}

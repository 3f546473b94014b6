import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {mapBookConfig, authorsOf, deriveCode} from '../../../src/load/jupyter-book/config-map.js'
import {readBookConfig} from '../../../src/load/jupyter-book/config.js'
import {findConfigFile, loadConfig} from '../../../src/config/load.js'
import {CoursebookError} from '../../../src/diagnostics/errors.js'
import {sharedFixtures} from '../../sites/helpers.js'

const myst = join(sharedFixtures, 'myst')
const jb = join(sharedFixtures, 'edge/jupyter-book-v1')

function book(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-jbconfig-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

function map(raw: Record<string, unknown>) {
  return mapBookConfig(raw, {bookDir: '/books/my-book', tocName: '_toc.yml', file: '/books/my-book/_config.yml', locate: () => undefined})
}

describe.skipIf(!existsSync(sharedFixtures))('reading the real books\' _config.yml', () => {
  it('maps the OU block of reusable-content-example to course metadata and the OU-XML keys', async () => {
    const {config, diagnostics} = await loadConfig(join(myst, 'OpenComputingLab__reusable-content-example/_config.yml'))
    expect(config).toMatchObject({
      code: 'OUSEFUL-DEMOS',
      title: 'OUSEFUL-DEMOS',
      description: 'Reusable Content Demonstration',
      presentation: 'Demo2',
      authors: ['Tony Hirst'],
      language: 'en',
      contentDir: '.',
      outDir: '_build/coursebook',
      toc: {file: '_toc.yml', unitTitle: 'Demo2'},
      binder: {repo: 'ouseful-demos/learn-to-code-jupyterlite', provider: 'github', ref: 'main', contentPath: 'src', interface: 'lab', hub: 'https://mybinder.org'},
    })
    expect(config.ouxml).toMatchObject({
      firstPublished: 'YYYY',
      imagePathPrefix: 'https://raw.githubusercontent.com/OpenComputingLab/reusable-content-example/main/tmp/',
      mediaPathPrefix: 'https://raw.githubusercontent.com/OpenComputingLab/reusable-content-example/main/tmp/',
    })
    expect(config.ouxml.isbn).toBeUndefined()
    expect(config.launchOptions.jupytext).toBe(true)
    expect(config.root).toBe(join(myst, 'OpenComputingLab__reusable-content-example'))
    expect(config.outPath).toBe(join(myst, 'OpenComputingLab__reusable-content-example/_build/coursebook'))
    expect(diagnostics).toMatchObject([{ruleId: 'book-config-ignored', severity: 'info', message: '_config.yml settings coursebook does not use: ou.block, ou.codestyle, ou.codesnippet_theme, ou.validate'}])
  })

  it('gives no Binder link for the template\'s own repository, and says why', async () => {
    const {config, diagnostics, dependencies} = await loadConfig(join(jb, 'book_template/_config.yml'))
    expect(config.binder).toBeUndefined()
    expect(config).toMatchObject({code: 'MSB', title: 'My sample book', authors: ['The Jupyter Book Community'], toc: {file: '_toc.yml', unitTitle: 'My sample book'}})
    const skipped = diagnostics!.find((d) => d.ruleId === 'book-binder-skipped')!
    expect(skipped).toMatchObject({severity: 'info', line: 24, message: 'No Binder launch links: `repository.url` is https://github.com/executablebooks/jupyter-book, the Jupyter Book template\'s default, not this book\'s repository'})
    expect(diagnostics!.find((d) => d.ruleId === 'book-metadata-derived')!.message).toBe('_config.yml has no `ou.module_code`: the course code MSB was made from the title')
    expect(diagnostics!.find((d) => d.ruleId === 'book-config-ignored')!.message).toBe('_config.yml settings coursebook does not use: execute, latex, bibtex_bibfiles, html, logo (logo.png does not exist)')
    expect(config.theme).not.toHaveProperty('logo')
    expect(dependencies).toEqual([join(jb, 'book_template/_config.yml'), join(jb, 'book_template/_toc.yml')])
  })

  it('takes the title from sphinx.config.html_title when there is no `title`', async () => {
    const {config} = await loadConfig(join(jb, 'books/nested/_config.yml'))
    expect(config).toMatchObject({title: 'NESTED FOLDER', code: 'NF'})
  })

  it('reads a book given by a toc file, with the `_config.yml` beside it', async () => {
    const {config, dependencies} = await loadConfig(join(jb, 'books/toc/_toc_parts.yml'))
    expect(config.toc).toEqual({file: '_toc_parts.yml'})
    expect(config.title).toBe('Toc')
    expect(dependencies).toEqual([join(jb, 'books/toc/_config.yml'), join(jb, 'books/toc/_toc_parts.yml')])
  })

  it('reads a book given by its folder', async () => {
    const {config} = await loadConfig(join(myst, 'innovationOUtside__sphinxcontrib-ou-xml-tags/docs'))
    expect(config).toMatchObject({code: 'OUSEFUL-DEMO-SPHINX', title: 'sphinxcontrib-ou-xml-tags', description: 'sphinxcontrib-ou-xml-tags examples', ouxml: {firstPublished: 2024}})
    expect(config.binder).toMatchObject({repo: 'innovationOUtside/sphinxcontrib-ou-xml-tags', contentPath: 'docs', ref: 'main'})
  })
})

describe('mapBookConfig', () => {
  it('reads MyST substitutions from parse: and sphinx.config: (the latter wins), as text', () => {
    const {config, notes} = map({
      title: 'T',
      parse: {myst_substitutions: {course: 'TM129', version: 2, shared: 'from parse'}},
      sphinx: {config: {myst_substitutions: {shared: 'from *sphinx*', nested: {a: 1}}}},
    })
    expect(config.substitutions).toEqual({course: 'TM129', version: '2', shared: 'from *sphinx*'})
    expect(notes.find((n) => n.ruleId === 'book-config-ignored')!.message).toContain('myst_substitutions.nested (not text)')
  })

  it('maps the launch buttons and a GitLab repository', () => {
    const {config} = map({
      title: 'T',
      repository: {url: 'https://gitlab.com/group/sub/project.git', path_to_book: './book/'},
      launch_buttons: {notebook_interface: 'classic', binderhub_url: 'https://binder.example.ac.uk', thebe: true},
    })
    expect(config.binder).toEqual({repo: 'group/sub/project', provider: 'gitlab', ref: 'master', contentPath: 'book', hub: 'https://binder.example.ac.uk', interface: 'notebook'})
  })

  it('gives no Binder link for another host', () => {
    const {config, notes} = map({title: 'T', repository: {url: 'https://bitbucket.org/a/b'}})
    expect(config.binder).toBeUndefined()
    expect(notes.find((n) => n.ruleId === 'book-binder-skipped')!.message).toBe('No Binder launch links: `repository.url` https://bitbucket.org/a/b is not a GitHub or GitLab repository')
  })

  it('titles a book with no title after its folder, and makes up a code', () => {
    const {config, notes} = map({})
    expect(config).toMatchObject({title: 'My book', code: 'MB'})
    expect(notes.filter((n) => n.ruleId === 'book-metadata-derived')).toHaveLength(2)
    expect(config.toc).toEqual({file: '_toc.yml'})
  })

  it('keeps a logo that exists as the theme\'s logo', () => {
    const dir = book({'logo.png': 'png'})
    const {config} = mapBookConfig({title: 'T', logo: 'logo.png'}, {bookDir: dir, tocName: '_toc.yml', file: join(dir, '_config.yml'), locate: () => undefined})
    expect(config.theme).toEqual({logo: 'logo.png'})
  })

  it('splits authors and derives codes', () => {
    expect(authorsOf('Ada Okafor and Tony Hirst')).toEqual(['Ada Okafor', 'Tony Hirst'])
    expect(authorsOf('A. Smith, B. Jones & C. Brown')).toEqual(['A. Smith', 'B. Jones', 'C. Brown'])
    expect(authorsOf(['X', 'Y'])).toEqual(['X', 'Y'])
    expect(deriveCode('Reusable Content Demonstration')).toBe('RCD')
    expect(deriveCode('Toc')).toBe('TOC')
    expect(deriveCode('Élan vital')).toBe('EV')
    expect(deriveCode('!!!')).toBe('BOOK')
  })
})

describe('readBookConfig and loadConfig on written books', () => {
  it('stops on a _config.yml that is not YAML, at its line', () => {
    const dir = book({'_config.yml': 'title: A\nauthor: [x\n', '_toc.yml': 'root: a\n'})
    const error = (() => {
      try {
        readBookConfig(join(dir, '_config.yml'))
      } catch (e) {
        return e as CoursebookError
      }
    })()
    expect(error).toBeInstanceOf(CoursebookError)
    expect(error!.ruleId).toBe('config-invalid')
    expect(error!.file).toBe(join(dir, '_config.yml'))
    expect(error!.message).toMatch(/^_config\.yml is not valid YAML: /)
    expect(error!.line).toBeGreaterThanOrEqual(2)
  })

  it('finds site.config.ts before a book\'s files, and says the book\'s files are not used', async () => {
    const dir = book({'site.config.ts': "export default {code: 'S1', title: 'Site'}\n", '_config.yml': 'title: Book\n', '_toc.yml': 'root: intro\n'})
    expect(findConfigFile(dir)).toBe(join(dir, 'site.config.ts'))
    const {config, diagnostics} = await loadConfig(dir)
    expect(config.title).toBe('Site')
    expect(diagnostics).toMatchObject([{ruleId: 'book-config-shadowed', message: "site.config.ts is used for this folder, not the Jupyter Book _config.yml; _toc.yml is not used (set `toc: '_toc.yml'` in site.config.ts to use it)"}])
  })

  it('lets site.config.ts use the book\'s toc, which then counts as a config dependency', async () => {
    const dir = book({'site.config.ts': "export default {code: 'S1', title: 'Site', toc: '_toc.yml', contentDir: '.', outDir: '_build/site'}\n", '_toc.yml': 'root: intro\n'})
    const {config, diagnostics, dependencies} = await loadConfig(join(dir, 'site.config.ts'))
    expect(config.toc).toEqual({file: '_toc.yml'})
    expect(dependencies).toContain(join(dir, '_toc.yml'))
    expect(diagnostics![0]!.message).toBe('site.config.ts is used for this folder; its toc _toc.yml orders the course, as `toc` says')
  })

  it('finds a book with only a _toc.yml', () => {
    const dir = book({'_toc.yml': 'root: intro\n'})
    expect(findConfigFile(dir)).toBe(join(dir, '_toc.yml'))
    expect(() => findConfigFile(join(dir, '..', 'no-such-folder'))).toThrow(/nor a Jupyter Book _config\.yml or _toc\.yml/)
  })
})

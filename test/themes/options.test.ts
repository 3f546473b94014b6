import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {buildCourse, readPage, tempCourse} from '../sites/helpers.js'
import {CoursebookError} from '../../src/diagnostics/errors.js'
import {tokensStylesheet} from '../../src/render/theme-tokens.js'

function course() {
  const c = tempCourse('cb-theme-')
  c.write('week-01-start/01-intro.md', '# Introduction\n\nHello.\n')
  writeFileSync(join(c.root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
  writeFileSync(join(c.root, 'extra.css'), '.site-main { letter-spacing: 0.01em; }\n')
  return c
}

describe('theme options', () => {
  it('brands the institutional theme with the course logo, colour tokens and stylesheet, in that order', async () => {
    const c = course()
    const result = await buildCourse(c.root, {
      theme: {name: 'institutional', logo: 'logo.svg', logoAlt: 'Open University', colours: {brand: '#004b87', accent: 'rgb(0 90 160)', dark: {accent: '#7fb2ff'}}, css: 'extra.css'},
    })
    const page = readPage(result, 'week-01-start/01-intro.html')
    const logo = select('header .site-brand img.site-logo', page)!
    expect(logo.properties.alt).toBe('Open University')
    expect(readFileSync(join(result.outPath, 'week-01-start', String(logo.properties.src)), 'utf8')).toContain('<svg')
    const sheets = selectAll('link[rel=stylesheet]', page).map((l) => String(l.properties.href).replace(/^\.\.\//, ''))
    const order = ['assets/theme/theme.css', 'assets/theme/institutional.css', 'assets/course/tokens.css', 'assets/course/2-extra.css'.replace('2-', '1-')]
    expect(order.map((s) => sheets.indexOf(s))).toEqual([...order.map((s) => sheets.indexOf(s))].sort((a, b) => a - b))
    expect(order.every((s) => sheets.includes(s))).toBe(true)
    const tokens = readFileSync(join(result.outPath, 'assets/course/tokens.css'), 'utf8')
    expect(tokens).toMatch(/:root \{\n  --color-accent: rgb\(0 90 160\);\n  --color-brand: #004b87;\n\}/)
    expect(tokens).toMatch(/prefers-color-scheme: dark\) \{\n:root \{\n    --color-accent: #7fb2ff;/)
  })

  it('replaces a layout with the course\'s own, which can use the html tag from coursebook', async () => {
    const c = course()
    mkdirSync(join(c.root, 'layouts'))
    writeFileSync(
      join(c.root, 'layouts', 'page.ts'),
      "import {html} from 'coursebook'\nexport default (data: {page: {title: string; body: unknown}}) => html`<!doctype html><title>${data.page.title}</title><main class=\"custom\">${data.page.body}</main>`\n",
    )
    const result = await buildCourse(c.root, {theme: {name: 'default', layouts: 'layouts'}})
    const page = readPage(result, 'week-01-start/01-intro.html')
    expect(select('main.custom > p', page)?.children).toEqual([{type: 'text', value: 'Hello.', position: expect.anything()}])
    // The other layouts are the theme's own.
    expect(select('header.site-header', readPage(result, 'index.html'))).toBeDefined()
  })

  it('stops before writing anything when a theme file is missing', async () => {
    const c = course()
    const error = await buildCourse(c.root, {theme: {name: 'default', logo: 'missing.png'}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CoursebookError)
    expect((error as CoursebookError).ruleId).toBe('theme-invalid')
    expect((error as Error).message).toContain('missing.png')
    expect(existsSync(join(c.root, 'dist'))).toBe(false)
  })

  it('rejects a colour that is not a CSS colour, so nothing else reaches the stylesheet', async () => {
    const c = course()
    const error = await buildCourse(c.root, {theme: {name: 'default', colours: {accent: 'red; } body { display: none'}}}).catch((e: unknown) => e)
    expect((error as CoursebookError).ruleId).toBe('config-invalid')
    expect(tokensStylesheet(undefined)).toBe('')
  })
})

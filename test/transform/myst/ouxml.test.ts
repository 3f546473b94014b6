import {copyFileSync, existsSync, mkdirSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../../src/pipeline/run.js'
import {configFromObject} from '../../../src/config/load.js'
import {projectRoot} from '../../sites/helpers.js'
import {all, baseConfig, first, names, parseXml, textOf, writeCourse} from '../../export/ouxml/helpers.js'

const schema = resolve(projectRoot, '../shared/ouxml-schema/OUIntermediateSchema.xsd')
const image = resolve(projectRoot, 'test/fixtures/page/markdown-links/images/diagram.svg')

const page = `# MyST in OU-XML

## Boxes

\`\`\`{note}
A note.
\`\`\`

\`\`\`{dropdown} The answer
It is 42.
\`\`\`

\`\`\`{sidebar} Aside
Beside the text.
\`\`\`

## Figures

\`\`\`{figure} images/diagram.svg
:name: fig-diagram
:alt: Three boxes

The *build* pipeline.

A legend.
\`\`\`

\`\`\`{list-table} Planets
:header-rows: 1
:name: tab-planets

* - Name
  - Notes
* - Mercury
  - Closest.
\`\`\`

\`\`\`{code-block} python
:caption: Counting
:name: lst-count
print(1)
\`\`\`

\`\`\`{math}
:label: eq-energy
E = mc^2
\`\`\`

\`\`\`{glossary}
Term
  Its definition.
\`\`\`

\`\`\`{epigraph}
A quotation.
\`\`\`

\`\`\`{pyodide-terminal}
print('x')
\`\`\`

H{sub}\`2\`O, {abbr}\`OU (Open University)\`, {kbd}\`Ctrl\`, {unknown}\`role text\`.
`

describe.skipIf(!existsSync(schema))('the MyST directives in the OU-XML export', () => {
  it('are valid against the OU schema, with figure ids as cross-references name them', async () => {
    const root = writeCourse({'unit/page.md': page})
    mkdirSync(join(root, 'content/unit/images'), {recursive: true})
    copyFileSync(image, join(root, 'content/unit/images/diagram.svg'))
    const result = await build({config: configFromObject(baseConfig, root), cache: false, outputs: {html: false}, ouxml: {schema}})
    expect(result.ouxml!.validation).toEqual({schema, errors: 0})
    const entry = result.ouxml!.entries.find((e) => e.outPath.endsWith('.xml'))!
    const item = parseXml(String(entry.data))
    const session = first(item, 'Session')!
    const sessionId = session.attributes!.id

    const boxes = all(session, 'Box')
    expect(boxes.map((box) => textOf(first(box, 'Heading')))).toEqual(['Note', 'The answer', 'Aside'])

    const figure = first(session, 'Figure')!
    expect(figure.attributes!.id).toBe(`${sessionId}_fig-diagram`)
    expect(names(figure)).toEqual(['Image', 'Caption', 'Description'])
    expect(first(figure, 'Image')!.attributes).toMatchObject({alt: 'Three boxes'})
    expect(textOf(first(figure, 'Caption'))).toMatch(/The build pipeline\.$/)

    const table = first(session, 'Table')!
    expect(table.attributes!.id).toBe(`${sessionId}_tab-planets`)
    expect(textOf(first(table, 'TableHead'))).toMatch(/Planets$/)

    const listing = first(session, 'ProgramListing')!
    expect(listing.attributes!.id).toBe(`${sessionId}_lst-count`)
    expect(first(session, 'Equation')!.attributes!.id).toBe(`${sessionId}_eq-energy`)

    const text = textOf(session)
    expect(text).toContain('Its definition.')
    expect(text).toContain('role text')
    expect(text).toContain("print('x')")
    expect(all(session, 'sub').map(textOf)).toEqual(['2'])
    expect(all(session, 'Quote').map(textOf)).toEqual(['A quotation.'])
    expect(result.diagnostics.filter((d) => d.ruleId === 'ouxml-unmapped')).toEqual([])
  }, 60_000)
})

import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {build} from '../../../src/pipeline/run.js'
import {configFromObject, loadConfig} from '../../../src/config/load.js'
import {loadSchema, validateDocuments} from '../../../src/export/ouxml/validate.js'
import {main} from '../../../src/cli/index.js'
import type {Output} from '../../../src/cli/output.js'
import {projectRoot} from '../../sites/helpers.js'
import {baseConfig, writeCourse} from './helpers.js'

const shared = resolve(projectRoot, '../shared')
const schemaPath = join(shared, 'ouxml-schema/OUIntermediateSchema.xsd')
const references = join(shared, 'fixtures/ouxml')

/** A schema that takes any Item but wants every Table empty: a way to make the exporter's own output fail. */
const NO_TABLES = `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xsd:element name="Item"><xsd:complexType><xsd:sequence>
    <xsd:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence><xsd:anyAttribute processContents="skip"/></xsd:complexType></xsd:element>
  <xsd:element name="Table"><xsd:complexType mixed="true"/></xsd:element>
</xsd:schema>
`

function capture(): Output & {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  return {stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
}

describe.skipIf(!existsSync(schemaPath))('validating against the OU schema (xmllint-wasm)', () => {
  it("the sample course's export is valid", async () => {
    const {config} = await loadConfig(join(projectRoot, 'site.config.ts'))
    const result = await build({config, cache: false, outputs: {html: false}, outDir: mkdtempSync(join(tmpdir(), 'cb-sample-ouxml-')), ouxml: {schema: schemaPath}})
    expect(result.ouxml!.documents.map((d) => d.name)).toEqual(['week-01-getting-started', 'week-02-modelling-motion', 'week-03-signals-and-spectra'])
    expect(result.ouxml!.validation).toEqual({schema: schemaPath, errors: 0})
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('passes the valid reference documents and rejects the invalid ones with a clear message', async () => {
    const names = readdirSync(references).filter((n) => n.endsWith('.xml')).sort()
    const schema = await loadSchema(schemaPath)
    expect(schema.preload.map((f) => f.fileName).sort()).toEqual([
      'mathml3/xsd/mathml3-common.xsd',
      'mathml3/xsd/mathml3-content.xsd',
      'mathml3/xsd/mathml3-presentation.xsd',
      'mathml3/xsd/mathml3-strict-content.xsd',
      'mathml3/xsd/mathml3.xsd',
      'xml/xml.xsd',
    ])
    const errors = await validateDocuments(schema, names.map((fileName) => ({fileName, contents: readFileSync(join(references, fileName), 'utf8')})))
    expect(errors).toEqual([
      {fileName: 'ou-xml-validator__ouxml_template.xml', line: 1, message: "Element 'FrontMatter': No matching global declaration available for the validation root."},
      {
        fileName: 'rce__gh-pages__ouseful-demos_b2_p1_demo2.xml',
        line: 538,
        message: "Element 'UnknownTag': This element is not expected. Expected is one of ( Summary, References, FurtherReading ).",
      },
    ])
  })
})

describe('reporting schema errors at their source', () => {
  it('maps each error to the page and line the element came from, through the CLI', async () => {
    const root = writeCourse({
      'week-1/a.md': '# A\n\nIntro.\n\n| x | y |\n| - | - |\n| 1 | 2 |\n',
      'week-1/b.ipynb': JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          {cell_type: 'markdown', id: 'a', metadata: {}, source: '# B'},
          {cell_type: 'markdown', id: 'b', metadata: {}, source: 'Text.\n\n| p | q |\n| - | - |\n| 3 | 4 |'},
        ],
      }),
    })
    writeFileSync(join(root, 'no-tables.xsd'), NO_TABLES)
    writeFileSync(join(root, 'site.config.ts'), `export default {code: 'VAL1', title: 'Validation', ouxml: {schema: 'no-tables.xsd'}}\n`)
    const output = capture()
    expect(await main(['export', 'ouxml', '--config', join(root, 'site.config.ts'), '--no-cache'], output)).toBe(1)
    const errors = output.stderr.filter((l) => l.includes('[ouxml-schema-error]')).map((l) => l.split('\n')[0])
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^error {3}.*content\/week-1\/a\.md › 5:1 {2}OU-XML schema: Element 'TableHead': This element is not expected\. \(week-1\.xml line \d+\) {2}\[ouxml-schema-error\]$/)
    expect(errors[1]).toMatch(/content\/week-1\/b\.ipynb › cell 2 3:1 {2}OU-XML schema: Element 'TableHead': This element is not expected\. \(week-1\.xml line \d+\) {2}\[ouxml-schema-error\]$/)
    expect(output.stdout.at(-1)).toMatch(/^2 schema errors against .*no-tables\.xsd \(listed above\)\.$/)
  })

  it('stops with a named error when the schema cannot be read, or none is given', async () => {
    const root = writeCourse({'week-1/a.md': '# A\n'})
    const config = configFromObject(baseConfig, root)
    await expect(build({config, cache: false, outputs: {html: false}, ouxml: {schema: join(root, 'missing.xsd')}})).rejects.toThrow(
      `Cannot read the OU-XML schema file ${join(root, 'missing.xsd')}`,
    )
    await expect(build({config, cache: false, outputs: {html: false}, ouxml: {validate: true}})).rejects.toThrow(
      'No OU-XML schema to validate against: pass --schema PATH or set `ouxml.schema` in the config',
    )
  })
})

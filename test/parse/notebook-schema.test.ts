import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findSchemaProblems} from '../../src/parse/notebook/validate.js'
import {codeCell, hasSharedFixtures, markdownCell, messagesOf, notebook, rawCell, reasons, run, runFixture, shared, sharedFixtures} from './notebook-helpers.js'

const schemaMessages = (file: ReturnType<typeof run>) => messagesOf(file).filter(message => message.ruleId === 'notebook-schema-invalid')

describe.skipIf(!hasSharedFixtures)('schema: the nbformat test notebooks', () => {
  it('invalid.ipynb: names each bad cell, path and problem', () => {
    const file = runFixture('edge/nbformat/invalid.ipynb')
    expect(schemaMessages(file)).toEqual([
      {ruleId: 'notebook-schema-invalid', cell: 0, reason: 'Not valid nbformat 4.0: cells[0].source is missing'},
      {
        ruleId: 'notebook-schema-invalid',
        cell: 2,
        reason: 'Not valid nbformat 4.0: cells[2].cell_type must be one of "markdown", "raw", "code", not a string ("heading")',
      },
      {
        ruleId: 'notebook-schema-invalid',
        cell: 3,
        reason:
          'Not valid nbformat 4.0: cells[3].outputs[0].output_type must be one of "execute_result", "display_data", "stream", "error", not a string ("bad stream")',
      },
    ])
    expect(file.messages.find(message => message.ruleId === 'notebook-schema-invalid')?.fatal).toBe(false)
    // Rendered anyway: the heading cell is left out, the rest is there.
    expect(file.data.coursebook?.tree?.children).toHaveLength(8)
  })

  it('invalid_cell_id.ipynb: an id with illegal characters', () => {
    expect(schemaMessages(runFixture('edge/nbformat/invalid_cell_id.ipynb'))).toEqual([
      {
        ruleId: 'notebook-schema-invalid',
        cell: 0,
        reason: 'Not valid nbformat 4.5: cells[0].id is "$illegal_chars", but a cell id must match ^[a-zA-Z0-9-_]+$',
      },
    ])
  })

  it('invalid_unique_cell_id.ipynb: a duplicate id, reported on the second cell', () => {
    expect(schemaMessages(runFixture('edge/nbformat/invalid_unique_cell_id.ipynb'))).toEqual([
      {ruleId: 'notebook-schema-invalid', cell: 1, reason: 'Not valid nbformat 4.5: cells[1].id is "dup", already the id of cells[0]'},
    ])
  })

  it('v4_5_no_cell_id.ipynb: 4.5 requires cell ids', () => {
    expect(schemaMessages(runFixture('edge/nbformat/v4_5_no_cell_id.ipynb'))).toEqual([
      {ruleId: 'notebook-schema-invalid', cell: 0, reason: 'Not valid nbformat 4.5: cells[0].id is missing'},
    ])
  })

  it('no_min_version.ipynb: nbformat_minor is required', () => {
    const file = runFixture('edge/nbformat/no_min_version.ipynb')
    expect(schemaMessages(file)).toEqual([{ruleId: 'notebook-schema-invalid', cell: undefined, reason: 'Not valid nbformat 4: nbformat_minor is missing'}])
    expect(file.data.coursebook?.language).toBe('plaintext')
  })

  it('v4_5_invalid_metadata.ipynb: five messages, then a summary', () => {
    const file = runFixture('edge/nbformat/v4_5_invalid_metadata.ipynb')
    expect(schemaMessages(file)).toEqual([
      {ruleId: 'notebook-schema-invalid', cell: undefined, reason: 'Not valid nbformat 4.5: metadata.kernelspec must be an object, not a string ("BAD: should be a dict")'},
      {
        ruleId: 'notebook-schema-invalid',
        cell: undefined,
        reason: 'Not valid nbformat 4.5: metadata.authors must be an array, not a string ("BAD: should be a list of dicts")',
      },
      {ruleId: 'notebook-schema-invalid', cell: 0, reason: 'Not valid nbformat 4.5: cells[0].metadata.name must be a string, not the integer 12345'},
      {ruleId: 'notebook-schema-invalid', cell: 0, reason: 'Not valid nbformat 4.5: cells[0].metadata.tags must be an array, not a string ("BAD: should be list of str")'},
      {ruleId: 'notebook-schema-invalid', cell: 0, reason: 'Not valid nbformat 4.5: cells[0].metadata.jupyter must be an object, not a string ("BAD: should be dict")'},
      {ruleId: 'notebook-schema-invalid', cell: undefined, reason: 'Not valid nbformat 4.5: 7 more schema problems not listed'},
    ])
    // The problems not listed include the bad booleans of cell 1.
    const problems = findSchemaProblems(JSON.parse(readFileSync(shared('edge/nbformat/v4_5_invalid_metadata.ipynb'), 'utf8')), 5)
    expect(problems.map(problem => `${problem.path} ${problem.problem}`)).toContain(
      'cells[1].metadata.jupyter.source_hidden must be a boolean, not a string ("BAD: should be dict")',
    )
    expect(file.data.coursebook?.tree?.children).toHaveLength(2)
  })

  it('nbclient Output.ipynb: a kernelspec without a name warns, and the notebook still renders', () => {
    const file = runFixture('edge/nbclient/Output.ipynb')
    expect(schemaMessages(file)).toEqual([
      {ruleId: 'notebook-schema-invalid', cell: undefined, reason: 'Not valid nbformat 4.2: metadata.kernelspec.name is missing'},
      {ruleId: 'notebook-schema-invalid', cell: undefined, reason: 'Not valid nbformat 4.2: metadata.kernelspec.display_name is missing'},
    ])
    expect(file.data.coursebook?.tree?.children.length).toBeGreaterThan(10)
    expect(file.data.coursebook?.language).toBe('python')
  })

  it.each(['test4.ipynb', 'test4.5.ipynb', 'test4custom.ipynb', 'test4docinfo.ipynb', 'test4jupyter_metadata.ipynb', 'test4jupyter_metadata_timings.ipynb', 'test4plus.ipynb', 'many_tracebacks.ipynb'])(
    '%s is valid',
    name => {
      const file = runFixture(`edge/nbformat/${name}`)
      expect(schemaMessages(file)).toEqual([])
      expect(file.data.coursebook?.tree).toBeDefined()
    },
  )
})

const invalidFixtures = new Set([
  'edge/nbclient/Output.ipynb',
  'edge/nbformat/invalid.ipynb',
  'edge/nbformat/invalid_cell_id.ipynb',
  'edge/nbformat/invalid_unique_cell_id.ipynb',
  'edge/nbformat/no_min_version.ipynb',
  'edge/nbformat/v4_5_invalid_metadata.ipynb',
  'edge/nbformat/v4_5_no_cell_id.ipynb',
])

describe.skipIf(!hasSharedFixtures)('schema: every shared notebook', () => {
  const notebooks = ['notebooks', 'edge'].flatMap(folder =>
    readdirSync(path.join(sharedFixtures, folder), {recursive: true, encoding: 'utf8'})
      .filter(name => name.endsWith('.ipynb'))
      .map(name => `${folder}/${name.split(path.sep).join('/')}`),
  )

  it('finds the fixture notebooks', () => {
    expect(notebooks.filter(name => name.startsWith('notebooks/'))).toHaveLength(25)
    expect(notebooks.length).toBeGreaterThan(100)
  })

  it.each(notebooks)('%s', name => {
    const file = runFixture(name)
    const warned = schemaMessages(file).length > 0
    expect(warned).toBe(invalidFixtures.has(name))
    if (name === 'edge/nbformat/test2.ipynb') expect(file.data.coursebook?.tree).toBeUndefined()
    else expect(file.data.coursebook?.tree).toBeDefined()
  })
})

describe('schema: minor versions', () => {
  const attachment = {attachments: {'a.png': {'image/png': 'iVBORw0KGgo='}}}

  it('accepts 4.4 cells without ids and 4.5 cells with unique ids', () => {
    expect(findSchemaProblems(notebook([markdownCell('a'), codeCell('b')], {}, 4), 4)).toEqual([])
    expect(findSchemaProblems(notebook([markdownCell('a'), codeCell('b'), rawCell('c')], {}, 5), 5)).toEqual([])
  })

  it('allows attachments from 4.1 on, not in 4.0', () => {
    expect(findSchemaProblems(notebook([markdownCell('a', attachment)], {}, 1), 1)).toEqual([])
    expect(findSchemaProblems(notebook([markdownCell('a', attachment)], {}, 0), 0).map(p => `${p.path} ${p.problem}`)).toEqual([
      'cells[0] has unexpected key "attachments"',
    ])
  })

  it('checks attachment bundles, tags and MIME bundle values', () => {
    const input = notebook([
      markdownCell('a', {attachments: {'a.png': {'image/png': 5}}, metadata: {tags: ['x', 'x', 'a,b']}}),
      codeCell('b', [{output_type: 'display_data', data: {'text/html': {}, 'application/vnd.custom+json': {ok: true}}, metadata: {}}]),
    ])
    expect(findSchemaProblems(input, 5).map(p => `${p.path} ${p.problem}`)).toEqual([
      'cells[0].metadata.tags[2] is "a,b", but a tag must be non-empty and contain no comma',
      'cells[0].metadata.tags[1] repeats the tag "x"',
      'cells[0].attachments["a.png"]["image/png"] must be a string or an array of strings, not the integer 5',
      'cells[1].outputs[0].data["text/html"] must be a string or an array of strings, not an object',
    ])
  })

  it('reports duplicate tags and unexpected keys', () => {
    const input = notebook([markdownCell('a', {metadata: {tags: ['x', 'x']}, extra: 1})], {}, 4)
    input.worksheets = []
    expect(findSchemaProblems(input, 4).map(p => `${p.path} ${p.problem}`)).toEqual([
      'cells[0].metadata.tags[1] repeats the tag "x"',
      'cells[0] has unexpected key "extra"',
      'the notebook has unexpected key "worksheets"',
    ])
  })

  it('accepts unknown keys, cells and outputs in a future minor version', () => {
    const input = {
      ...notebook([{cell_type: 'future', metadata: {}}, codeCell('x', [{output_type: 'hologram'}], {extra: true})], {}, 9),
      extra: 1,
    }
    expect(findSchemaProblems(input, 9)).toEqual([])
    const file = run(input)
    expect(file.messages).toEqual([])
    expect(file.data.coursebook?.tree?.children.map(node => node.type)).toEqual(['notebookCodeCell'])
  })
})

describe('schema: reporting', () => {
  it('groups one problem repeated across cells into one message naming the first cell', () => {
    const cells = Array.from({length: 6}, (_, index) => codeCell(`x${index}`, [], {metadata: {collapsed: 'no'}}))
    const file = run(notebook(cells, {}, 4))
    expect(schemaMessages(file)).toEqual([
      {
        ruleId: 'notebook-schema-invalid',
        cell: 0,
        reason:
          'Not valid nbformat 4.4: cells[0].metadata.collapsed must be a boolean, not a string ("no") (also cells[1].metadata.collapsed, cells[2].metadata.collapsed, cells[3].metadata.collapsed and 2 more)',
      },
    ])
  })

  it('labels the problems of an upgraded nbformat 3 notebook', () => {
    const file = run({nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{cells: [{cell_type: 'markdown', metadata: {}}]}]})
    expect(reasons(file, 'notebook-schema-invalid')).toEqual(['Not valid nbformat 3 (after upgrade to 4.4): cells[0].source is missing'])
  })
})

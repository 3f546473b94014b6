import {describe, expect, it} from 'vitest'
import type {XmlElement} from '../../../src/export/ouxml/types.js'
import {serialize} from '../../../src/export/ouxml/serialize.js'
import {cleanText} from '../../../src/export/ouxml/escape.js'
import {kids, parseXml, textOf} from './helpers.js'

const tricky = 'a &amp; b & c < d > e ]]> f "q" \'s\' &#38; &lt;'

describe('writing OU-XML', () => {
  it('writes any text and attribute value so that it reads back exactly (&amp;, <, ]]>, quotes, line breaks)', () => {
    const root: XmlElement = {
      type: 'element',
      name: 'Item',
      attributes: {id: 'X_1', note: `${tricky}\nline two\ttab`},
      elements: [{type: 'element', name: 'Paragraph', elements: [{type: 'text', text: tricky}]}],
    }
    const {xml} = serialize(root)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Item')).toBe(true)
    const parsed = parseXml(xml)
    expect(parsed.attributes!.note).toBe(`${tricky}\nline two\ttab`)
    expect(textOf(kids(parsed)[0])).toBe(tricky)
    expect(xml).not.toContain(']]>')
  })

  it('drops the characters XML 1.0 forbids or discourages and keeps everything else', () => {
    const {text, dropped} = cleanText('ok\u0000\u0008\u000b\u001f\u007f\u0085\ufffe\uffff\ud800 tab\t nl\n cr\r\n emoji 🙂 é ÿ')
    expect(text).toBe('ok tab\t nl\n cr\n emoji 🙂 é ÿ')
    expect(dropped).toHaveLength(9)
  })

  it('indents block content one element per line and leaves mixed content exactly as it is', () => {
    const p = (...elements: XmlElement['elements'] & object) => ({type: 'element' as const, name: 'Paragraph', elements})
    const root: XmlElement = {
      type: 'element',
      name: 'Session',
      elements: [
        p({type: 'text', text: 'a '}, {type: 'element', name: 'b', elements: [{type: 'text', text: 'b'}]}, {type: 'text', text: ' c'}),
        {type: 'element', name: 'ProgramListing', elements: [p({type: 'text', text: '    indented'}), p()]},
        p({type: 'element', name: 'ComputerCode', elements: [{type: 'text', text: 'x'}]}),
      ],
    }
    expect(serialize(root).xml.split('\n').slice(1)).toEqual([
      '<Session>',
      '  <Paragraph>a <b>b</b> c</Paragraph>',
      '  <ProgramListing>',
      '    <Paragraph>    indented</Paragraph>',
      '    <Paragraph/>',
      '  </ProgramListing>',
      '  <Paragraph><ComputerCode>x</ComputerCode></Paragraph>',
      '</Session>',
      '',
    ])
  })

  it('records, for each line, the source of the elements that start on it', () => {
    const root: XmlElement = {
      type: 'element',
      name: 'Session',
      file: '/course/page.md',
      elements: [
        {type: 'element', name: 'Paragraph', pos: {line: 3, column: 1}, elements: [{type: 'text', text: 'one\ntwo'}]},
        {type: 'element', name: 'Table', pos: {line: 7, column: 1, cell: 2}},
      ],
    }
    const {xml, lines} = serialize(root)
    expect(xml).not.toContain('_cbsrc')
    const at = (line: number) => lines[line - 1]!.map((e) => `${e.name} ${e.file}:${e.pos?.line ?? ''}`)
    expect(at(2)).toEqual(['Session /course/page.md:'])
    expect(at(3)).toEqual(['Paragraph /course/page.md:3'])
    expect(at(5)).toEqual(['Table /course/page.md:7'])
  })
})

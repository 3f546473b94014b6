import {describe, expect, it} from 'vitest'
import {all, convertMarkdown, convertPage, first, kids, names, textOf, withRule} from './helpers.js'

/** One case per row of the README's mapping table that Markdown can express. */
describe('OU-XML export of Markdown', () => {
  it('paragraphs → Paragraph; emphasis, strong, inline code, sub/superscript → i, b, ComputerCode, sub, sup', async () => {
    const {session} = await convertMarkdown('# T\n\nOne *em* and **strong** and `code`, H<sub>2</sub>O and x<sup>2</sup>.\n\nTwo.')
    expect(names(session)).toEqual(['Paragraph', 'Paragraph'])
    const p = kids(session)[0]!
    expect(names(p)).toEqual(['i', 'b', 'ComputerCode', 'sub', 'sup'])
    expect(kids(p).map(textOf)).toEqual(['em', 'strong', 'code', '2', '2'])
    expect(textOf(p)).toBe('One em and strong and code, H2O and x2.')
  })

  it('nests inline HTML tags and drops unknown ones with a diagnostic, keeping their text', async () => {
    const {session, diagnostics} = await convertMarkdown('# T\n\nA <b>bold <sub>low</sub></b> and <span class="x">plain</span> word.<br>Next')
    const p = kids(session)[0]!
    expect(names(p)).toEqual(['b', 'br'])
    expect(names(kids(p)[0])).toEqual(['sub'])
    expect(textOf(p)).toBe('A bold low and plain word.Next')
    expect(withRule(diagnostics, 'ouxml-unmapped').map((d) => d.message)).toEqual([
      '<span> has no OU-XML mapping; the tag was left out',
      '</span> has no OU-XML mapping; the tag was left out',
    ])
  })

  it('external links → a href', async () => {
    const {session} = await convertMarkdown('# T\n\nSee [the OU](<https://www.open.ac.uk/a b> "t") and <https://example.org>.')
    const links = all(session, 'a')
    expect(links.map((a) => a.attributes!.href)).toEqual(['https://www.open.ac.uk/a%20b', 'https://example.org'])
    expect(links.map(textOf)).toEqual(['the OU', 'https://example.org'])
  })

  it('bulleted and numbered lists → BulletedList / NumberedList of ListItem; nested → subsidiary lists of SubListItem', async () => {
    const {session} = await convertMarkdown('# T\n\n- a\n  1. one\n  2. two\n- b\n\n3. three\n4. four\n\n- [ ] todo\n- [x] done\n')
    expect(names(session)).toEqual(['BulletedList', 'NumberedList', 'BulletedList'])
    const [bulleted, numbered, tasks] = kids(session)
    expect(names(bulleted)).toEqual(['ListItem', 'ListItem'])
    expect(names(kids(bulleted)[0])).toEqual(['Paragraph', 'NumberedSubsidiaryList'])
    expect(names(first(bulleted, 'NumberedSubsidiaryList'))).toEqual(['SubListItem', 'SubListItem'])
    expect(numbered!.attributes).toEqual({start: '3'})
    expect(all(tasks, 'Paragraph').map(textOf)).toEqual(['☐ todo', '☒ done'])
  })

  it('lists nested three deep become paragraphs in their item, with a diagnostic', async () => {
    const {session, diagnostics} = await convertMarkdown('# T\n\n- a\n  - b\n    - c\n    - d\n')
    const sub = first(session, 'SubListItem')!
    expect(names(sub)).toEqual(['Paragraph', 'Paragraph', 'Paragraph'])
    expect(kids(sub).map(textOf)).toEqual(['b', '– c', '– d'])
    expect(withRule(diagnostics, 'ouxml-unmapped')[0]).toMatchObject({
      message: 'A BulletedSubsidiaryList cannot go inside a SubListItem in OU-XML; it was written as paragraphs, one per item',
      line: 5,
    })
  })

  it('tables → Table with TableHead, tbody, tr, th, td; alignment as the cell class', async () => {
    const {session} = await convertMarkdown('# T\n\n| A | B |\n| :- | -: |\n| 1 | **2** |\n')
    const table = kids(session)[0]!
    expect(table.name).toBe('Table')
    expect(names(table)).toEqual(['TableHead', 'tbody'])
    const rows = kids(first(table, 'tbody'))
    expect(rows.map(names)).toEqual([['th', 'th'], ['td', 'td']])
    expect(rows.map((r) => kids(r).map((c) => c.attributes?.class))).toEqual([['ColumnHeadLeft', 'ColumnHeadRight'], ['TableLeft', 'TableRight']])
    expect(names(first(kids(rows[1])[1], 'Paragraph'))).toEqual(['b'])
  })

  it('images → Figure with Image src (prefixed by ouxml.imagePathPrefix), Caption (the title) and Description (the alt text)', async () => {
    const png = new Uint8Array([137, 80, 78, 71])
    const {session, result} = await convertPage(
      {'unit/page.md': '# T\n\n![A plot of *x*](img/plot.png "Figure 1 A plot")\n\nInline ![icon](img/plot.png) here.', 'unit/img/plot.png': png},
      'unit/page.md',
      {ouxml: {imagePathPrefix: 'https://media.example/tm/'}},
    )
    const figure = kids(session)[0]!
    expect(figure.name).toBe('Figure')
    expect(names(figure)).toEqual(['Image', 'Caption', 'Description'])
    expect(kids(figure)[0]!.attributes).toEqual({src: 'https://media.example/tm/unit/img/plot.png'})
    expect(textOf(first(figure, 'Caption'))).toBe('Figure 1 A plot')
    expect(textOf(first(figure, 'Description'))).toBe('A plot of x')
    const inline = first(kids(session)[1], 'InlineFigure')!
    expect(kids(inline)[0]!.attributes).toEqual({src: 'https://media.example/tm/unit/img/plot.png', alt: 'icon'})
    expect(result.ouxml!.media).toEqual(['unit/img/plot.png'])
  })

  it('inline and display math → InlineEquation / Equation with the TeX source; a \\label becomes the id', async () => {
    const {session, result} = await convertMarkdown('# T\n\nEnergy $E = mc^2$.\n\n$$\n\\label{eq:newton}\nF = m a\n$$\n\n$$\nx < y \\& z\n$$\n')
    expect(names(session)).toEqual(['Paragraph', 'Equation', 'Equation'])
    expect(textOf(first(session, 'InlineEquation'))).toBe('E = mc^2')
    const [, labelled, plain] = kids(session)
    expect(labelled!.attributes).toEqual({id: `${result.ouxml!.id}_eq-newton`})
    expect(textOf(first(labelled, 'TeX'))).toBe('F = m a')
    expect(plain!.attributes).toBeUndefined()
    expect(textOf(first(plain, 'TeX'))).toBe('x < y \\& z')
  })

  it('fenced code → ProgramListing with one Paragraph per line, whitespace preserved', async () => {
    const {session, xml} = await convertMarkdown('# T\n\n```python\ndef f(x):\n\n    return x  # <done> & ]]>\n```\n')
    const listing = kids(session)[0]!
    expect(listing.name).toBe('ProgramListing')
    expect(kids(listing).map(textOf)).toEqual(['def f(x):', '', '    return x  # <done> & ]]>'])
    expect(xml).toContain('<Paragraph>    return x  # &lt;done&gt; &amp; ]]&gt;</Paragraph>')
  })

  it('admonitions → Box with a Heading', async () => {
    const {session} = await convertMarkdown('# T\n\n:::tip[Try it]\nChange *h*.\n:::\n\n:::note\nPlain.\n:::\n')
    expect(names(session)).toEqual(['Box', 'Box'])
    const [tip, note] = kids(session)
    expect(names(tip)).toEqual(['Heading', 'Paragraph'])
    expect(textOf(first(tip, 'Heading'))).toBe('Try it')
    expect(textOf(first(note, 'Heading'))).toBe('Note')
  })

  it('block quotes → Quote; a last "Source:" paragraph → SourceReference', async () => {
    const {session} = await convertMarkdown('# T\n\n> Quoted *text*.\n>\n> Source: Hooke (1678)\n\n> Source: only this\n')
    const [withSource, only] = kids(session)
    expect(names(withSource)).toEqual(['Paragraph', 'SourceReference'])
    expect(textOf(first(withSource, 'SourceReference'))).toBe('Hooke (1678)')
    expect(names(only)).toEqual(['Paragraph'])
  })

  it('a code block inside a quote, and a table in a list item, are rewritten where OU-XML allows them, with diagnostics', async () => {
    const {session, diagnostics} = await convertMarkdown('# T\n\n> ```\n> x = 1\n> y = 2\n> ```\n\n- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n')
    const quote = kids(session)[0]!
    expect(names(quote)).toEqual(['Paragraph'])
    expect(names(first(quote, 'ComputerCode'))).toEqual(['br'])
    expect(textOf(quote)).toBe('x = 1y = 2')
    const item = first(session, 'ListItem')!
    expect(kids(item).map(textOf)).toEqual(['item', 'a | b', '1 | 2'])
    expect(withRule(diagnostics, 'ouxml-unmapped').map((d) => d.message)).toEqual([
      'A ProgramListing cannot go inside a Quote in OU-XML; it was written as a paragraph of computer code',
      'A Table cannot go inside a ListItem in OU-XML; it was written as paragraphs, one per row',
    ])
  })

  it('footnotes → footnote where they are referenced', async () => {
    const {session} = await convertMarkdown('# T\n\nA claim.[^1]\n\n[^1]: The *source*.\n')
    expect(names(session)).toEqual(['Paragraph'])
    const note = first(session, 'footnote')!
    expect(textOf(note)).toBe('The source.')
    expect(names(note)).toEqual(['i'])
  })

  it('headings → Section, SubSection, SubSubSection and InternalSection by nesting, with Title or Heading; skipped levels still nest', async () => {
    const {session, result} = await convertMarkdown('# Page\n\nIntro.\n\n### A\n\nText a.\n\n#### A.1\n\n##### A.1.1\n\n###### deep\n\nx\n\n## B\n')
    const id = result.ouxml!.id
    expect(names(session)).toEqual(['Paragraph', 'Section', 'Section'])
    const [, a, b] = kids(session)
    expect(a!.attributes).toEqual({id: `${id}_a`})
    expect(names(a)).toEqual(['Title', 'Paragraph', 'SubSection'])
    const sub = first(a, 'SubSection')!
    expect(names(sub)).toEqual(['Title', 'SubSubSection'])
    expect(names(first(sub, 'SubSubSection'))).toEqual(['Heading', 'InternalSection'])
    expect(names(first(sub, 'InternalSection'))).toEqual(['Heading', 'Paragraph'])
    // A Section needs content besides its title.
    expect(names(b)).toEqual(['Title', 'Paragraph'])
  })

  it("with ouxml.headings 'internal', every heading makes a nested InternalSection", async () => {
    const {session} = await convertMarkdown('# P\n\n## A\n\nx\n\n### B\n\ny\n', {ouxml: {headings: 'internal'}})
    expect(names(session)).toEqual(['InternalSection'])
    expect(names(kids(session)[0])).toEqual(['Heading', 'Paragraph', 'InternalSection'])
  })

  it('anything without a mapping is a diagnostic naming the construct and its line, and its text is kept', async () => {
    const {session, diagnostics} = await convertMarkdown('# T\n\n<div class="x">\n\nhello <i>there</i>\n\n</div>\n\n---\n\n~~gone~~ kept\n')
    expect(names(session)).toEqual(['Paragraph', 'Paragraph'])
    expect(names(kids(session)[0])).toEqual(['i'])
    expect(textOf(kids(session)[1])).toBe('gone kept')
    const found = diagnostics.filter((d) => d.ruleId.startsWith('ouxml')).map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)
    expect(found).toEqual([
      '3:1 ouxml-unmapped Raw HTML <div> has no OU-XML mapping; it was left out',
      '9:1 ouxml-dropped A thematic break (---) has no OU-XML counterpart and was left out',
      '11:1 ouxml-dropped Strikethrough has no OU-XML counterpart; the text is kept without it',
    ])
  })

  it('keeps the text of raw HTML blocks but never their style sheets or scripts', async () => {
    const {session} = await convertMarkdown('# T\n\n<div class="out">\n<style scoped>\n.a { color: red }\n<p>Shown &amp; kept</p>\n\nAfter.\n')
    expect(kids(session).map(textOf)).toEqual(['After.'])
    const closed = await convertMarkdown('# T\n\n<div><style>.a {}</style><p>Shown &amp; kept</p></div>\n')
    expect(kids(closed.session).map(textOf)).toEqual(['Shown & kept'])
  })

  it('never changes the tree the website is rendered from', async () => {
    const {result} = await convertMarkdown('# T\n\n## S\n\n- a\n  - b\n    - c\n\n> x\n>\n> Source: y\n')
    expect(result.body).toContain('<blockquote>')
    expect(result.body).toContain('Source: y')
  })
})

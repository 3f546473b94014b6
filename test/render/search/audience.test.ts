import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {buildCourse, tempCourse} from '../../sites/helpers.js'
import {codeCell, markdownCell, notebook} from '../../hardening/helpers.js'
import {loadSiteIndex, pagesFound} from './helpers.js'

/**
 * The index is built from what the build rendered, so whatever a student
 * build removes (solutions) is not in it; a tutor build, which keeps them,
 * shows the same words are indexed when present.
 */
describe('the search index and the audience', () => {
  const course = tempCourse('cb-search-audience-')
  course.write(
    'week-1/01-exercise.ipynb',
    notebook([
      markdownCell('a', '# Energy exercise\n\nWork out the kinetic energy of the trolley.'),
      codeCell('b', 'energy = 0.5 * mass * speed ** 2'),
      markdownCell('c', 'The worked answer uses the quokkasolution method.', {metadata: {tags: ['solution']}}),
      {...codeCell('d', 'zebrafinch_answer = 42'), metadata: {tags: ['solution']}},
    ]),
  )
  course.write('week-1/02-reading.md', '# Reading\n\n```{exercise}\n:label: ex-speed\nDouble the speed.\n```\n\n```{solution} ex-speed\nThe energy goes up four times: wombatproof.\n```\n')

  it('leaves solutions (tagged cells and {solution} blocks) out of a student build’s index', async () => {
    const result = await buildCourse(course.root, {audience: 'student'})
    const {data, index} = loadSiteIndex(result.outPath)
    expect(pagesFound(data, index.search('kinetic'))).toEqual(new Set(['week-1/01-exercise.html']))
    for (const word of ['quokkasolution', 'zebrafinch_answer', 'wombatproof']) expect(index.search(word), word).toEqual([])
    expect(readFileSync(join(result.outPath, 'assets/search/index.js'), 'utf8')).not.toMatch(/quokkasolution|zebrafinch|wombatproof/)
  })

  it('indexes them in a tutor build', async () => {
    const result = await buildCourse(course.root, {audience: 'tutor'})
    const {data, index} = loadSiteIndex(result.outPath)
    expect(pagesFound(data, index.search('quokkasolution'))).toEqual(new Set(['week-1/01-exercise.html']))
    expect(pagesFound(data, index.search('zebrafinch_answer'))).toEqual(new Set(['week-1/01-exercise.html']))
    expect(pagesFound(data, index.search('wombatproof'))).toEqual(new Set(['week-1/02-reading.html']))
  })
})

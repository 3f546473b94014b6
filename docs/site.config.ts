// coursebook's own documentation, built by coursebook: `npm run docs` writes it to docs/dist/.
// CI builds it with --strict, so a broken example in the docs fails CI.
export default {
  code: 'CB101',
  title: 'coursebook documentation',
  description: 'How to write, build and publish a course with coursebook: notebooks and Markdown in, an offline course website and OU-XML out.',
  language: 'en-GB',
  baseUrl: 'https://coursebook-dev.github.io/coursebook/',
  ouxml: {enabled: false},
}

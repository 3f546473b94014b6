import {defineConfig} from 'coursebook'

export default defineConfig({
  code: 'TM258',
  title: 'Modelling Dynamic Systems with Python',
  presentation: '2026J',
  authors: ['Dr Ada Okafor', 'Dr Sam Whitfield'],
  description: 'Build, simulate and analyse models of mechanical and signal-processing systems, one week at a time, in Jupyter notebooks.',
  language: 'en-GB',
  binder: {
    repo: 'coursebook-dev/coursebook',
    ref: 'main',
    contentPath: 'content',
  },
})

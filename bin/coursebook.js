#!/usr/bin/env node
// Runs the compiled CLI: the bundle in lib/bundle (built by `npm install` through the `prepare`
// script), else the unbundled lib/src, else, in a checkout not compiled yet, the TypeScript sources through jiti.
import {existsSync} from 'node:fs'

const compiled = ['../lib/bundle/cli.js', '../lib/src/cli/index.js'].map((path) => new URL(path, import.meta.url)).find((url) => existsSync(url))
let cli
if (compiled) {
  cli = await import(compiled.href)
} else {
  const {createJiti} = await import('jiti')
  cli = await createJiti(import.meta.url).import(new URL('../src/cli/index.ts', import.meta.url).pathname)
}
process.exitCode = await cli.main(process.argv.slice(2))

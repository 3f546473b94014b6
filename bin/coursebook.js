#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the `prepare` script).
// In a checkout where it has not been compiled yet, runs the TypeScript sources through jiti.
import {existsSync} from 'node:fs'

const compiled = new URL('../lib/src/cli/index.js', import.meta.url)
let cli
if (existsSync(compiled)) {
  cli = await import(compiled.href)
} else {
  const {createJiti} = await import('jiti')
  cli = await createJiti(import.meta.url).import(new URL('../src/cli/index.ts', import.meta.url).pathname)
}
process.exitCode = await cli.main(process.argv.slice(2))

#!/usr/bin/env node
// The CLI bundled by scripts/bundle.mjs (npm run build): fewer files to load at start-up.
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process);

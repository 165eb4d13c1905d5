#!/usr/bin/env node
// `npm run build`: compiles to dist/ and stamps the build with the time it started, so that a
// source saved during the build makes it stale (bin/launch.js then runs the sources instead).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { STAMP } from './launch.js';

const started = Date.now();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
fs.rmSync(STAMP, { force: true });
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: path.resolve(path.dirname(STAMP), '..') });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(STAMP, String(started));

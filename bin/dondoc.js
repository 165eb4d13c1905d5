#!/usr/bin/env node
// The `dondoc` admin command line (compiled output when current, else the sources through tsx).
import { launch } from './launch.js';

await launch('cli');

#!/usr/bin/env node
// Starts the dondoc server (compiled output when current, else the sources through tsx).
import { launch } from './launch.js';

await launch('main');

#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx inkwell` works after `npm ci` with no build step.
'use strict';
require('tsx/cjs');
require('../cli/main.ts').run(process.argv.slice(2));

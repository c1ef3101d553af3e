#!/usr/bin/env node
'use strict';
// The built CLI (dist/bundle, CommonJS), compiled from the code V8 kept last time when it can
// (src/cli/code-cache.ts; POCKETBOOK_CODE_CACHE=off to switch it off).
require('../dist/bundle/code-cache.js').installCodeCache();
require('../dist/bundle/main.js')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });

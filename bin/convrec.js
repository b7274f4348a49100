#!/usr/bin/env node
// The `convrec` command (and `npm start`): compiled code from dist/, built first when missing or
// stale. `npm run convrec` runs the TypeScript sources through tsx instead, for development.
import { ensureBuild } from './ensure-build.js';

ensureBuild();
await import('../dist/src/cli/main.js');

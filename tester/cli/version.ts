import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_ROOT } from '../harness/paths.js';

/** The kit's version, read from package.json so it cannot drift. */
export const VERSION: string = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

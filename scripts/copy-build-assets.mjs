// tsc emits only code: copy the data files the server reads at run time next to the compiled code, so that
// `dist/` runs on its own (the engine's dictionary and synonym table).
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [['libs/match-engine/data', 'dist/libs/match-engine/data']];
for (const [from, to] of assets) cpSync(join(root, from), join(root, to), { recursive: true });
console.log(`copied ${assets.length} asset folder(s) into dist/`);

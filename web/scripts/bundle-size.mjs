#!/usr/bin/env node
// The console's first-load budget: the JavaScript a browser fetches to show
// the shell (the entry chunk and the chunks it imports statically; route
// chunks load later) must stay under BUDGET_KB gzipped.
//
//   node scripts/bundle-size.mjs [dist]     (after `npm run build`)
//
// Reads Vite's manifest (dist/.vite/manifest.json), prints every chunk of
// the first load with its gzipped size, writes dist/bundle-size.json and
// exits 1 when the budget is exceeded.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error('bundle-size: no entry chunk in the manifest');
  process.exit(1);
}

// The entry and everything it imports statically, each once.
const firstLoad = [];
const seen = new Set();
(function visit(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  firstLoad.push(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
})(entryKey);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const rows = firstLoad.map((file) => ({ file, gzip_bytes: gz(file) }));
const total = rows.reduce((n, r) => n + r.gzip_bytes, 0);
const lazyChunks = Object.values(manifest).filter((c) => c.isDynamicEntry).length;

for (const r of rows) console.log(`${(r.gzip_bytes / 1024).toFixed(1).padStart(8)} KB  ${r.file}`);
console.log(
  `first load: ${(total / 1024).toFixed(1)} KB of JavaScript gzipped (budget ${BUDGET_KB} KB), ${lazyChunks} route chunks load on demand`,
);
writeFileSync(
  join(dist, 'bundle-size.json'),
  `${JSON.stringify({ budget_kb: BUDGET_KB, first_load_gzip_bytes: total, chunks: rows, lazy_chunks: lazyChunks }, null, 2)}\n`,
);
if (total > BUDGET_KB * 1024) {
  console.error(`bundle-size: first load ${(total / 1024).toFixed(1)} KB exceeds ${BUDGET_KB} KB`);
  process.exit(1);
}

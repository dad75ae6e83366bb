#!/usr/bin/env node
// Prices usage rows with the npm package @pydantic/genai-prices (calcPrice), on a genai-prices v2 data file given on
// the command line instead of the data bundled in the package, and writes per-row prices, the total and the timing as
// JSON. The other half of Reassess's cost cross-check (Reassess.Sources.CrossCheck, `reassess bench cost-check`).
// Nothing is fetched: the package's auto-update is never enabled, and updatePrices() is handed the file's contents.
//
//   node tools/genai-prices-check/price.mjs --data ../shared/data/prices/genai_prices_v2.json --rows rows.jsonl [--out prices.json] [--warmup N]
//
// Rows (JSONL: one object per line; or CSV with a header naming the same columns, any order):
//   timestamp           ISO 8601 instant, e.g. 2026-05-04T13:20:00Z (picks the price list in force, as calcPrice does)
//   provider            genai-prices provider id, e.g. openai
//   model               the model id as a usage export gives it, e.g. gpt-4o-2024-08-06 (resolved by the match rules)
//   inputTokens         UNCACHED input tokens (Reassess's convention: the four token kinds never overlap)
//   cachedInputTokens   cached input tokens read
//   cacheWriteTokens    input tokens written to the cache
//   outputTokens        output tokens
// Each row is one request. genai-prices wants input_tokens as the TOTAL prompt (cache reads and writes included), so
// input_tokens = inputTokens + cachedInputTokens + cacheWriteTokens; the tier of a tiered price is chosen on that total.
//
// Output: {package, version, data, rows, priced, unpriced, failed, total, elapsedMs, rowsPerSecond, results[]}, one
// result per row in order: {price, input, output, provider, model} (model = the genai-prices model the id resolved to),
// or {price: null, reason} when calcPrice finds no price or throws. Prices are JavaScript numbers (IEEE doubles), so
// they carry binary rounding (about 1e-16 relative); `total` is their plain sum in row order. The timing covers
// calcPrice alone over all rows (rows already parsed, dates already built), after --warmup untimed calls (default: up
// to 10,000 rows once), so it compares with a warm Reassess loop.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { calcPrice, updatePrices, waitForUpdate } from '@pydantic/genai-prices';

const COLUMNS = ['timestamp', 'provider', 'model', 'inputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'outputTokens'];
const COUNTS = COLUMNS.slice(3);

function fail(message) {
  process.stderr.write(`price.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { warmup: null };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!['--data', '--rows', '--out', '--warmup'].includes(name)) fail(`unknown argument '${name}'; use --data FILE --rows FILE [--out FILE] [--warmup N]`);
    if (value === undefined) fail(`${name} needs a value`);
    args[name.slice(2)] = value;
    i++;
  }
  if (!args.data || !args.rows) fail('--data FILE and --rows FILE are required');
  if (args.warmup !== null) {
    args.warmup = Number(args.warmup);
    if (!Number.isSafeInteger(args.warmup) || args.warmup < 0) fail('--warmup must be a whole number, 0 or more');
  }
  return args;
}

/** One CSV line into fields; double quotes may wrap a field ("" inside is one quote). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

function readRows(path) {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const raw = [];
  if (path.toLowerCase().endsWith('.csv')) {
    const header = csvFields(lines[0] ?? '').map((h) => h.trim());
    const missing = COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) fail(`${path}: the header lacks ${missing.join(', ')}`);
    for (let n = 1; n < lines.length; n++) {
      const fields = csvFields(lines[n]);
      raw.push(Object.fromEntries(header.map((h, i) => [h, fields[i]])));
    }
  } else {
    lines.forEach((line, n) => {
      try { raw.push(JSON.parse(line)); } catch (e) { fail(`${path} line ${n + 1}: not JSON (${e.message})`); }
    });
  }

  return raw.map((r, n) => {
    const where = `${path} row ${n + 1}`;
    const counts = {};
    for (const c of COUNTS) {
      const v = r[c] === undefined || r[c] === '' ? 0 : Number(r[c]);
      if (!Number.isFinite(v) || v < 0) fail(`${where}: ${c} '${r[c]}' is not a non-negative number`);
      counts[c] = v;
    }
    const when = new Date(r.timestamp);
    if (typeof r.timestamp !== 'string' || Number.isNaN(when.getTime())) fail(`${where}: timestamp '${r.timestamp}' is not an ISO 8601 instant`);
    if (!r.model) fail(`${where}: no model`);
    return {
      provider: r.provider ? String(r.provider) : undefined,
      model: String(r.model),
      when,
      usage: {
        input_tokens: counts.inputTokens + counts.cachedInputTokens + counts.cacheWriteTokens,
        cache_read_tokens: counts.cachedInputTokens,
        cache_write_tokens: counts.cacheWriteTokens,
        output_tokens: counts.outputTokens,
      },
    };
  });
}

function priceOne(row) {
  try {
    const r = calcPrice(row.usage, row.model, { providerId: row.provider, timestamp: row.when });
    return r === null
      ? { price: null, reason: 'no price: calcPrice found no provider or model for this id' }
      : { price: r.total_price, input: r.input_price, output: r.output_price, provider: r.provider.id, model: r.model.id };
  } catch (e) {
    return { price: null, reason: `calcPrice threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const args = parseArgs(process.argv.slice(2));
// The package exports only '.', so its package.json is found beside its entry point (dist/index.cjs).
const entry = createRequire(import.meta.url).resolve('@pydantic/genai-prices');
const version = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version;

// The data file replaces the bundled data for every calcPrice call (including fallback providers such as azure → openai).
let data;
try {
  data = JSON.parse(readFileSync(args.data, 'utf8'));
} catch (e) {
  fail(`${args.data}: ${e.message}`);
}
if (!Array.isArray(data)) fail(`${args.data}: expected genai-prices v2 data, a JSON array of providers`);
updatePrices(({ setProviderData }) => setProviderData(data));
const active = await waitForUpdate();
if (active?.length !== data.length) fail(`${args.data}: the package did not take the file's ${data.length} providers`);

const rows = readRows(args.rows);
const warmup = Math.min(args.warmup ?? 10_000, rows.length);
for (let i = 0; i < warmup; i++) priceOne(rows[i]);

const results = new Array(rows.length);
const started = performance.now();
for (let i = 0; i < rows.length; i++) results[i] = priceOne(rows[i]);
const elapsedMs = performance.now() - started;

let total = 0;
let priced = 0;
let failed = 0;
for (const r of results) {
  if (r.price !== null) { total += r.price; priced++; }
  else if (r.reason.startsWith('calcPrice threw')) failed++;
}

const output = JSON.stringify({
  package: '@pydantic/genai-prices',
  version,
  data: args.data,
  rows: rows.length,
  priced,
  unpriced: rows.length - priced - failed,
  failed,
  total,
  elapsedMs,
  rowsPerSecond: elapsedMs > 0 ? rows.length / (elapsedMs / 1000) : null,
  results,
});
if (args.out) writeFileSync(args.out, output);
else process.stdout.write(output + '\n');

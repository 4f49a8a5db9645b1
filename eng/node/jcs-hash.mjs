// Recomputes the platform's hashes with a stock RFC 8785 implementation (the npm package `canonicalize`) and
// node's own crypto, independently of the .NET code, so tests can check that the two agree byte for byte.
//
//   node jcs-hash.mjs manifest FILE          the manifest's hash and each tool's inputSchemaHash
//                                            (FILE is mcp-manifest.json or mcp-manifest.approved.json)
//   node jcs-hash.mjs audit FILE KEY FIELDS [WHEN_PRESENT]
//                                            each CLEF record's hash: HMAC-SHA256 under KEY (UTF-8) of the
//                                            canonical array of the FIELDS (comma-separated, in order), followed
//                                            by the WHEN_PRESENT fields (null where absent) when the record has any
//
// Prints one JSON object on stdout.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';

const [mode, file, ...rest] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const sha256 = (canonical) => 'sha256:' + createHash('sha256').update(canonical, 'utf8').digest('hex');

if (mode === 'manifest') {
  const parsed = JSON.parse(text);
  const manifest = parsed.approval && parsed.manifest ? parsed.manifest : parsed;
  const { hash, ...content } = manifest;
  console.log(JSON.stringify({
    recorded: hash,
    hash: sha256(canonicalize(content)),
    canonical: canonicalize(content),
    inputSchemaHashes: (manifest.tools ?? []).map((tool) => ({
      tool: tool.name,
      recorded: tool.inputSchemaHash,
      hash: sha256(canonicalize(tool.inputSchema)),
    })),
  }));
} else if (mode === 'audit') {
  const [key, fields, whenPresent = ''] = rest;
  const names = fields.split(',');
  const optional = whenPresent.split(',').filter((name) => name !== '');
  const records = text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const record = JSON.parse(line);
    const hashed = optional.some((name) => record[name] !== undefined && record[name] !== null) ? [...names, ...optional] : names;
    const canonical = canonicalize(hashed.map((name) => record[name] ?? null));
    return { recorded: record.Hash, hash: createHmac('sha256', Buffer.from(key, 'utf8')).update(canonical, 'utf8').digest('hex'), canonical };
  });
  console.log(JSON.stringify({ records }));
} else {
  console.error(`unknown mode ${mode}; expected manifest or audit`);
  process.exit(2);
}

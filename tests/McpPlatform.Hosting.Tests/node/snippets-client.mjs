// Lists and calls snippet tools with the official TypeScript SDK client: the plain tool list (snippet_<name>), a call,
// a call with bad arguments, and codemode.snippets.<name>(args) from execute on the Code Mode URL. Prints one JSON
// document with what it saw for the C# test to assert.
// Usage: MCP_SDK_DIR=<eng/node/node_modules/@modelcontextprotocol/sdk> MCP_TOKEN=... node snippets-client.mjs <mcp-url> <codemode-url>
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, codeModeUrl] = process.argv.slice(2);
const sdk = process.env.MCP_SDK_DIR;
if (!url || !codeModeUrl || !sdk || !process.env.MCP_TOKEN) {
  console.error("usage: MCP_SDK_DIR=... MCP_TOKEN=... node snippets-client.mjs <mcp-url> <codemode-url>");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

async function connect(target) {
  const client = new Client({ name: "mcp-platform-snippets-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(target), {
    requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
  }));
  return client;
}

const plain = await connect(url);
const listed = (await plain.listTools()).tools.filter((tool) => tool.name.startsWith("snippet_"));
const digest = await plain.callTool({ name: "snippet_notes_digest", arguments: { tag: "work" } });
const badArguments = await plain.callTool({ name: "snippet_notes_digest", arguments: { tag: 5, extra: true } });
await plain.close();

const codeMode = await connect(codeModeUrl);
const surface = (await codeMode.listTools()).tools.map((tool) => tool.name);
const executed = await codeMode.callTool({
  name: "execute",
  arguments: { code: "async () => { const d = await codemode.snippets.notes_digest({ tag: 'home' }); return { d, missing: typeof codemode.snippets.nope }; }" },
});
const searched = await codeMode.callTool({
  name: "search",
  arguments: { code: "async () => codemode.search('notes digest texts').map(t => t.name)" },
});
await codeMode.close();

console.log(JSON.stringify({
  tools: listed.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, readOnly: tool.annotations?.readOnlyHint ?? null })),
  digest,
  badArguments,
  surface,
  executed,
  searched,
}));

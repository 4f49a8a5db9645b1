// Calls one tool COUNT times through the official TypeScript SDK client (stateless protocol: no session), one call
// at a time, and prints {"ok": n, "limited": m, "other": [...]} for the C# fleet test.
// Usage: MCP_SDK_DIR=... MCP_TOKEN=... node fleet-client.mjs <mcp-url> <tool> <count>
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, tool, countText] = process.argv.slice(2);
const sdk = process.env.MCP_SDK_DIR;
if (!url || !tool || !countText || !sdk || !process.env.MCP_TOKEN) {
  console.error("usage: MCP_SDK_DIR=... MCP_TOKEN=... node fleet-client.mjs <mcp-url> <tool> <count>");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

const client = new Client({ name: "mcp-platform-fleet-test", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);
let ok = 0;
let limited = 0;
const other = [];
for (let i = 0; i < Number(countText); i++) {
  const result = await client.callTool({ name: tool, arguments: {} });
  const text = result.content?.[0]?.text ?? "";
  if (!result.isError) ok++;
  else if (text.startsWith("Rate limited:")) limited++;
  else other.push(text);
}
await client.close();
console.log(JSON.stringify({ ok, limited, other, sessionId: transport.sessionId ?? null }));

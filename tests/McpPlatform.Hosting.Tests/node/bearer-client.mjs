// Completes an MCP session with the official TypeScript SDK client, sending a bearer token, and
// prints one JSON document with what it saw for the C# test to assert.
// Usage: MCP_SDK_DIR=<eng/node/node_modules/@modelcontextprotocol/sdk> MCP_TOKEN=... node bearer-client.mjs <mcp-url>
// The SDK is imported by absolute file URL: this script does not live beside eng/node/node_modules.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const url = process.argv[2];
const sdk = process.env.MCP_SDK_DIR;
if (!url || !sdk || !process.env.MCP_TOKEN) {
  console.error("usage: MCP_SDK_DIR=... MCP_TOKEN=... node bearer-client.mjs <mcp-url>");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

const withoutToken = new Client({ name: "mcp-platform-hosting-test", version: "1.0.0" });
let unauthenticated;
try {
  await withoutToken.connect(new StreamableHTTPClientTransport(new URL(url)));
  unauthenticated = { connected: true };
} catch (error) {
  unauthenticated = { connected: false, message: String(error.message) };
}

const client = new Client({ name: "mcp-platform-hosting-test", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);
const tools = (await client.listTools()).tools.map((tool) => tool.name);
const whoami = await client.callTool({ name: "whoami", arguments: {} });
const echo = await client.callTool({ name: "echo", arguments: { text: "from TypeScript" } });
const sessionId = transport.sessionId ?? null;
await transport.terminateSession().catch(() => {});
await client.close();

console.log(JSON.stringify({ unauthenticated, server: client.getServerVersion(), sessionId, tools, whoami, echo }));

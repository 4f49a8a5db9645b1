// Calls a scaffolded McpPlatform server with the official TypeScript SDK client over
// Streamable HTTP and prints one JSON document with what it saw, for the C# test to assert.
// Usage: node scaffold-client.mjs http://127.0.0.1:PORT/mcp
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.argv[2];
if (!url) {
  console.error("usage: node scaffold-client.mjs <mcp-url>");
  process.exit(2);
}

const client = new Client({ name: "mcp-platform-template-test", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));

const listed = await client.listTools();
const search = await client.callTool({ name: "search_issues", arguments: { text: "page", priority: "High" } });
const created = await client.callTool({ name: "create_issue", arguments: { title: "Created by the TypeScript client", labels: ["e2e"] } });
const fetched = await client.callTool({ name: "get_issue", arguments: { key: created.structuredContent?.key ?? "missing" } });
const badArgument = await client.callTool({ name: "search_issues", arguments: { limit: "ten" } });
const toolFailure = await client.callTool({ name: "get_issue", arguments: { key: "NOPE-404" } });
let unknownTool;
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
  unknownTool = { threw: false };
} catch (error) {
  unknownTool = { threw: true, code: error.code ?? null, message: String(error.message) };
}

console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools: listed.tools,
  search,
  created,
  fetched,
  badArgument,
  toolFailure,
  unknownTool,
}));
await client.close();

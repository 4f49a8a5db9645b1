// Calls a scaffolded McpPlatform server with the official TypeScript SDK client over
// Streamable HTTP and prints one JSON document with what it saw, for the C# test to assert.
// Usage: MCP_TOKEN=... MCP_READ_TOKEN=... node scaffold-client.mjs http://127.0.0.1:PORT/mcp
//   MCP_TOKEN       a token allowed to write (issue-editors, mcp:read mcp:write)
//   MCP_READ_TOKEN  a token with mcp:read only
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.argv[2];
if (!url) {
  console.error("usage: node scaffold-client.mjs <mcp-url>");
  process.exit(2);
}

async function connect(token) {
  const client = new Client({ name: "mcp-platform-template-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  }));
  return client;
}

const anonymous = await fetch(url, {
  method: "POST",
  headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
  body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
});
const withoutToken = { status: anonymous.status, wwwAuthenticate: anonymous.headers.get("www-authenticate") };

const reader = await connect(process.env.MCP_READ_TOKEN);
const readerTools = (await reader.listTools()).tools.map((tool) => tool.name);
const readerWrite = await reader.callTool({ name: "create_issue", arguments: { title: "Should be denied" } });
await reader.close();

const client = await connect(process.env.MCP_TOKEN);

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
  withoutToken,
  readerTools,
  readerWrite,
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

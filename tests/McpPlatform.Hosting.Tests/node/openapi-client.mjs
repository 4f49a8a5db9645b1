// Calls OpenAPI operations served as governed tools with the official TypeScript SDK client, and prints one JSON
// document with what it saw for the C# test to assert.
// Usage: MCP_SDK_DIR=<eng/node/node_modules/@modelcontextprotocol/sdk> MCP_TOKEN=... node openapi-client.mjs <mcp-url>
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const url = process.argv[2];
const sdk = process.env.MCP_SDK_DIR;
if (!url || !sdk || !process.env.MCP_TOKEN) {
  console.error("usage: MCP_SDK_DIR=... MCP_TOKEN=... node openapi-client.mjs <mcp-url>");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

const client = new Client({ name: "mcp-platform-openapi-test", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);
const listed = (await client.listTools()).tools.filter((tool) => tool.name.startsWith("inv_"));
// callTool validates structuredContent against the tool's outputSchema: a wrong schema or result fails here.
const created = await client.callTool({ name: "inv_create_item", arguments: { body: { name: "from TypeScript", count: 2 } } });
const item = await client.callTool({ name: "inv_get_item", arguments: { itemId: "ts 1", tag: ["x", "y"] } });
const failed = await client.callTool({ name: "inv_fail_with", arguments: { code: 418 } });
await client.close();

console.log(JSON.stringify({
  tools: listed.map((tool) => ({ name: tool.name, hasOutputSchema: !!tool.outputSchema, readOnly: tool.annotations?.readOnlyHint ?? null })),
  created,
  item,
  failed,
}));

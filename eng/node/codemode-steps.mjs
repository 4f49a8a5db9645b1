// Runs Code Mode steps with the official TypeScript SDK client over Streamable HTTP: lists the tools, then calls
// each step's tool ("search" or "execute") with its code, in order, and prints one JSON document with what it saw
// for the C# test to assert. The steps are a JSON array of { tool, code } in the file named by the second argument.
// Usage: MCP_TOKEN=... node codemode-steps.mjs "http://127.0.0.1:PORT/mcp?codemode=search_and_execute" steps.json
import { readFile } from "node:fs/promises";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, stepsFile] = process.argv.slice(2);
if (!url || !stepsFile || !process.env.MCP_TOKEN) {
  console.error('usage: MCP_TOKEN=... node codemode-steps.mjs "<mcp-url>?codemode=search_and_execute" steps.json');
  process.exit(2);
}

const steps = JSON.parse(await readFile(stepsFile, "utf8"));
const client = new Client({ name: "mcp-platform-codemode-steps", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);

const tools = (await client.listTools()).tools.map((t) => t.name);
const results = [];
for (const step of steps) {
  results.push(await client.callTool({ name: step.tool, arguments: { code: step.code } }));
}

await client.close();
console.log(JSON.stringify({ tools, results }));

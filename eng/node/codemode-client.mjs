// Drives Code Mode with the official TypeScript SDK client over Streamable HTTP: lists the tools
// (expecting exactly search and execute), runs search, then execute with what search found, and
// prints one JSON document with what it saw for the C# test to assert.
// Usage: MCP_TOKEN=... node codemode-client.mjs "http://127.0.0.1:PORT/mcp?codemode=search_and_execute"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.argv[2];
if (!url || !process.env.MCP_TOKEN) {
  console.error('usage: MCP_TOKEN=... node codemode-client.mjs "<mcp-url>?codemode=search_and_execute"');
  process.exit(2);
}

const client = new Client({ name: "mcp-platform-codemode-test", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);

const tools = (await client.listTools()).tools;

// What a model does first: look for the tools it needs.
const search = await client.callTool({
  name: "search",
  arguments: {
    code: "async () => codemode.tools().filter(t => /ticket/.test(t.name)).map(t => ({ name: t.name, access: t.access, typescript: t.typescript }))",
  },
});

// Then call them, as a model writes it: in a fence, chaining calls, running two at once.
const execute = await client.callTool({
  name: "execute",
  arguments: {
    code: [
      "```javascript",
      "async () => {",
      "  const [first, second] = await Promise.all([codemode.get_ticket({ key: 'T-1' }), codemode.get_ticket({ key: 'T-2' })]);",
      "  const echoed = await codemode.echo({ text: first.title + ' & ' + second.key });",
      "  console.log('fetched', first.key, second.key);",
      "  return { echoed, keys: [first.key, second.key] };",
      "}",
      "```",
    ].join("\n"),
  },
});

await client.close();
console.log(JSON.stringify({ tools: tools.map((t) => ({ name: t.name, inputSchema: t.inputSchema })), search, execute }));

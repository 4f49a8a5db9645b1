// Drives a call that needs the user's approval with the official TypeScript SDK client over Streamable HTTP
// (a stateful session: protocol 2025-11-25 carries the question as elicitation/create). The "user" answers
// as ANSWER says: accept, decline or cancel; ANSWER=none declares no elicitation capability at all.
// It calls TOOL with ARGS (JSON) and prints one JSON document with the question it saw and the result.
// Usage: MCP_TOKEN=... ANSWER=accept TOOL=delete_ticket ARGS='{"key":"T-9"}' node approval-client.mjs "http://127.0.0.1:PORT/mcp"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const url = process.argv[2];
const answer = process.env.ANSWER ?? "accept";
if (!url || !process.env.MCP_TOKEN || !process.env.TOOL) {
  console.error('usage: MCP_TOKEN=... ANSWER=accept|decline|cancel|none TOOL=name ARGS={...} node approval-client.mjs "<mcp-url>"');
  process.exit(2);
}

const capabilities = answer === "none" ? {} : { elicitation: { form: {} } };
const client = new Client({ name: "mcp-platform-approval-test", version: "1.0.0" }, { capabilities });
const questions = [];
if (answer !== "none") {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    questions.push({ message: request.params.message, requestedSchema: request.params.requestedSchema });
    return answer === "accept" ? { action: "accept", content: {} } : { action: answer };
  });
}

const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
await client.connect(transport);
const tools = (await client.listTools()).tools.map((t) => ({ name: t.name, annotations: t.annotations ?? null }));
const result = await client.callTool({ name: process.env.TOOL, arguments: JSON.parse(process.env.ARGS ?? "{}") });
await client.close();
console.log(JSON.stringify({ questions, tools, result }));

// A small misbehaving MCP server over stdio for the portal's upstream tests, built on the official TypeScript SDK
// (its folder is given as MCP_SDK_DIST, since this script lives outside eng/node): echo answers, hang never does,
// big answers with as many bytes as asked, malformed answers with a result of the wrong shape, flood sends a storm of notifications/tools/list_changed, fail refuses.
import { pathToFileURL } from "node:url";
import path from "node:path";

const dist = process.env.MCP_SDK_DIST;
if (!dist) {
  console.error("MCP_SDK_DIST must point at @modelcontextprotocol/sdk/dist/esm");
  process.exit(2);
}

const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { Server } = await load("server/index.js");
const { StdioServerTransport } = await load("server/stdio.js");
const { ListToolsRequestSchema, CallToolRequestSchema } = await load("types.js");

const server = new Server({ name: "portal-test-upstream", version: "1.0.0" }, { capabilities: { tools: { listChanged: true } } });
const object = (properties) => ({ type: "object", properties });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "echo", description: "Answers with its text.", inputSchema: object({ text: { type: "string" } }) },
    { name: "hang", description: "Never answers.", inputSchema: object({}) },
    { name: "big", description: "Answers with `bytes` characters.", inputSchema: object({ bytes: { type: "number" } }) },
    { name: "flood", description: "Sends `count` tools/list_changed notifications.", inputSchema: object({ count: { type: "number" } }) },
    { name: "fail", description: "Refuses with a JSON-RPC error.", inputSchema: object({}) },
    { name: "malformed", description: "Answers with a result that is not a tool result.", inputSchema: object({}) },
    { name: "env", description: "Answers with the names of its environment variables and the value of `name`.", inputSchema: object({ name: { type: "string" } }) },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const args = request.params.arguments ?? {};
  const text = (value) => ({ content: [{ type: "text", text: value }] });
  switch (request.params.name) {
    case "echo":
      return text(String(args.text ?? ""));
    case "hang":
      return await new Promise(() => {});
    case "big":
      return text("x".repeat(Number(args.bytes ?? 0)));
    case "flood": {
      const count = Number(args.count ?? 0);
      for (let i = 0; i < count; i++) {
        await server.sendToolListChanged();
      }
      return text(`sent ${count}`);
    }
    case "fail":
      throw new Error("refused on purpose");
    case "malformed":
      // Written past the SDK, which would validate it: content must be an array of blocks.
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: extra.requestId, result: { content: "not blocks", isError: "no" } }) + "\n");
      return await new Promise(() => {});
    case "env":
      return text(JSON.stringify({ names: Object.keys(process.env).sort(), value: process.env[String(args.name ?? "")] ?? null }));
    default:
      throw new Error(`unknown tool ${request.params.name}`);
  }
});

await server.connect(new StdioServerTransport());

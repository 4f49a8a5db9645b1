// A slow MCP server over stdio for the relay tests, built on the official TypeScript SDK (its folder is given as
// MCP_SDK_DIST, since this script lives outside eng/node): one resource answers, one never does, one is 300 kB, its
// resource templates list never answers, and its one prompt never answers. Its one tool, chatty, sends a log message
// and three progress notifications during the call itself, before its result: the deterministic source the relay's
// progress and log tests need (no timer has to land inside the call).
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
const {
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  ListPromptsRequestSchema,
  GetPromptRequestSchema,
  ListToolsRequestSchema,
  CallToolRequestSchema,
} = await load("types.js");

const server = new Server({ name: "relay-slow-upstream", version: "1.0.0" }, { capabilities: { resources: {}, prompts: {}, tools: {}, logging: {} } });
const never = () => new Promise(() => {});

server.setRequestHandler(ListResourcesRequestSchema, async () => ({
  resources: [
    { uri: "slow://fast", name: "fast" },
    { uri: "slow://hang", name: "hang" },
    { uri: "slow://huge", name: "huge" },
  ],
}));
server.setRequestHandler(ListResourceTemplatesRequestSchema, never);
server.setRequestHandler(ReadResourceRequestSchema, async (request) =>
  request.params.uri === "slow://fast"
    ? { contents: [{ uri: "slow://fast", mimeType: "text/plain", text: "fast answer" }] }
    : request.params.uri === "slow://huge"
      ? { contents: [{ uri: "slow://huge", mimeType: "text/plain", text: "x".repeat(300_000) }] }
      : await never());
server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: [{ name: "hang" }] }));
server.setRequestHandler(GetPromptRequestSchema, never);

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: "chatty", description: "Logs and reports progress while it runs.", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: true } }],
}));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const progressToken = request.params._meta?.progressToken;
  await extra.sendNotification({ method: "notifications/message", params: { level: "info", logger: "chatty", data: "chatty is working" } });
  for (let step = 1; step <= 3; step++) {
    if (progressToken !== undefined) {
      await extra.sendNotification({ method: "notifications/progress", params: { progressToken, progress: step, total: 3 } });
    }
  }
  return { content: [{ type: "text", text: "chatty done" }] };
});

await server.connect(new StdioServerTransport());

using McpPlatform.Governance;
using McpPlatform.Hosting;

// The server the MCP conformance suite's server scenarios run against. Stateful, because
// sampling, elicitation and per-session log levels are server-to-client traffic that needs a
// session; with an event stream store, because server-sse-polling ends a tool's SSE stream
// mid-call and expects the client to resume it with Last-Event-ID.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDistributedMemoryCache();
builder.AddMcpPlatform(options => options.SessionMode = McpSessionMode.Stateful)
    .WithDistributedCacheEventStreamStore();

var app = builder.Build();
app.MapMcpPlatform();
app.Run();

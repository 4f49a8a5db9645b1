using Company.McpServer1.Tools;

var builder = WebApplication.CreateBuilder(args);

// Registers the MCP server with every [McpTool] method in this project (generated at compile time).
builder.AddMcpPlatform();
// Application logs through Serilog, configured from the "Serilog" section; drop it to keep ASP.NET Core's logging.
builder.AddMcpPlatformSerilog();
builder.Services.AddSingleton<IssueStore>();

var app = builder.Build();

// Streamable HTTP at /mcp, its OAuth metadata and the health probe at /healthz. Chain .RequireCors(...) or
// .RequireRateLimiting(...) here to apply them to the MCP endpoints.
app.MapMcpPlatform();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

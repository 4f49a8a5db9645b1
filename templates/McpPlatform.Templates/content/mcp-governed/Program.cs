using Company.McpServer1.Tools;

var builder = WebApplication.CreateBuilder(args);

// Registers the MCP server with every [McpTool] method in this project (generated at compile time).
builder.AddMcpPlatform();
builder.Services.AddSingleton<IssueStore>();

var app = builder.Build();

// Streamable HTTP at /mcp and the health probe at /healthz.
app.MapMcpPlatform();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

var builder = WebApplication.CreateBuilder(args);

// The portal: connects to every upstream under McpPlatform:Portal:Upstreams (Streamable HTTP or a pinned stdio
// command), offers their approved tools as {namespace}_{tool} through the platform's governance, and quarantines
// any upstream tool whose definition differs from the approved manifest.
builder.AddMcpPortal();
// Application logs through Serilog, configured from the "Serilog" section; drop it to keep ASP.NET Core's logging.
builder.AddMcpPlatformSerilog();

var app = builder.Build();

// Streamable HTTP at /mcp (and one endpoint per audience under McpPlatform:Portal:Audiences), its OAuth metadata and
// the health probes at /healthz. Chain .RequireCors(...) or .RequireRateLimiting(...) here to apply them.
app.MapMcpPortal();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

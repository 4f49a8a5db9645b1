using McpPlatform.Hosting;

// A replica of a fleet: the platform as a generated server wires it, configured from the environment.
var builder = WebApplication.CreateBuilder(args);
builder.AddMcpPlatform();

var app = builder.Build();
app.MapMcpPlatform();
app.Run();

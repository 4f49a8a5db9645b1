using System.Reflection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting;

/// <summary>The name and version the server reports in initialize.</summary>
internal static class ServerIdentity
{
    public static Implementation Describe(McpPlatformOptions options)
    {
        var entry = Assembly.GetEntryAssembly()?.GetName();
        return new Implementation
        {
            Name = options.ServerName ?? entry?.Name ?? "mcp-platform-server",
            Version = options.ServerVersion ?? entry?.Version?.ToString(3) ?? "0.0.0",
        };
    }
}

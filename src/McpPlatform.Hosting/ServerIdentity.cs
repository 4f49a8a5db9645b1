using System.Reflection;
using McpPlatform.Governance;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting;

/// <summary>The name and version the server reports in initialize.</summary>
internal static class ServerIdentity
{
    // Read once: stateless servers configure their options on every request.
    private static readonly AssemblyName? Entry = Assembly.GetEntryAssembly()?.GetName();
    private static readonly string? EntryVersion = Entry?.Version?.ToString(3);

    public static Implementation Describe(McpPlatformOptions options)
    {
        var entry = Entry;
        return new Implementation
        {
            Name = options.ServerName ?? entry?.Name ?? "mcp-platform-server",
            Version = options.ServerVersion ?? EntryVersion ?? "0.0.0",
        };
    }
}

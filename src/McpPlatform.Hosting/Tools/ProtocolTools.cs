using System.Text.Json;
using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;

// Also compiled into the mcp-platform CLI (a linked file), in its own namespace so a test assembly that sees both never meets two copies.
#if MCP_PLATFORM_CLI
namespace McpPlatform.Cli.Tokens;
#else
namespace McpPlatform.Hosting.Tools;
#endif

/// <summary>
/// A tool descriptor as tools/list publishes it. Also compiled into the mcp-platform CLI (a linked file), so
/// its offline token count of a manifest is the wire's, without the CLI referencing Hosting.
/// </summary>
internal static class ProtocolTools
{
    /// <summary>The MCP tool definition of <paramref name="descriptor"/>, annotations included.</summary>
    public static Tool From(McpToolDescriptor descriptor) => new()
    {
        Name = descriptor.Name,
        Title = descriptor.Title,
        Description = descriptor.Description,
        InputSchema = ParseSchema(descriptor.InputSchema),
        OutputSchema = descriptor.OutputSchema is null ? null : ParseSchema(descriptor.OutputSchema),
        Annotations = new ToolAnnotations
        {
            Title = descriptor.Title,
            ReadOnlyHint = descriptor.Access == ToolAccess.Read,
            DestructiveHint = descriptor.Access == ToolAccess.Read ? null : descriptor.Access == ToolAccess.Destructive,
            IdempotentHint = descriptor.Idempotent,
            OpenWorldHint = descriptor.OpenWorld,
        },
    };

    private static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

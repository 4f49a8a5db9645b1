using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tokens;

/// <summary>Tool definitions as a tools/list result goes over the wire: the MCP SDK's serializer options, compact.</summary>
internal static class ToolListJson
{
    /// <summary>The <c>{"tools":[...]}</c> result JSON of <paramref name="tools"/>.</summary>
    public static string Serialize(IReadOnlyList<Tool> tools) =>
        JsonSerializer.Serialize(new ListToolsResult { Tools = [.. tools] }, McpJsonUtilities.DefaultOptions);
}

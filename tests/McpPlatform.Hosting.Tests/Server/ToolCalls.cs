using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>tools/call through the official client, with arguments written as JSON text.</summary>
public static class ToolCalls
{
    /// <summary>Calls <paramref name="name"/> with the properties of the JSON object <paramref name="argumentsJson"/>.</summary>
    public static async Task<CallToolResult> CallAsync(this McpClient client, string name, string argumentsJson = "{}")
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return await client.CallToolAsync(name, arguments);
    }

    /// <summary>The text of the result's only content block.</summary>
    public static string SingleText(this CallToolResult result) =>
        Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}

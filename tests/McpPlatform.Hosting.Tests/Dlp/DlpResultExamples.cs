using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Testing;

/// <summary>
/// The MCP side of the DLP examples: results as the SDK carries them, redacted by Hosting's result adapter.
/// The SDK-free rest (tools, sample secrets, arguments) is tests/Shared/Engines/DlpExamples.cs, shared with Governance.Tests.
/// </summary>
internal static partial class DlpExamples
{
    /// <summary>The text as it leaves the server in a result of <see cref="CreateTicket"/> with the default rules.</summary>
    public static string RedactText(string text, DlpEngine? engine = null) =>
        RedactText(text, out _, engine);

    public static string RedactText(string text, out IReadOnlyList<string> fired, DlpEngine? engine = null)
    {
        var result = (engine ?? DefaultEngine).RedactResult(CreateTicket, TextResult(text), out fired);
        return ((TextContentBlock)result.Content.Single()).Text;
    }

    public static CallToolResult TextResult(string text) => new() { Content = [new TextContentBlock { Text = text }] };
}

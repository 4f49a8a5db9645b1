using System.Globalization;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Approval;

/// <summary>Builds the question a user reads about one call, and the hash of the arguments it shows.</summary>
public static class ApprovalQuestion
{
    private const int MaxArgumentsListed = 20;
    private const int MaxValueChars = 200;

    /// <summary>The question about <paramref name="tool"/> called with <paramref name="arguments"/> (after the data rules' redaction).</summary>
    public static ApprovalRequest Create(
        CallerIdentity caller, McpToolDescriptor tool, ToolAccess access, string rule, IDictionary<string, JsonElement>? arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        return new ApprovalRequest(caller, tool.Name, access, rule, Message(tool, access, arguments), ArgumentsSha256(arguments), timeout);
    }

    /// <summary><c>sha256:</c> + hex of the canonical JSON (RFC 8785) of the arguments object; no arguments hash as <c>{}</c>.</summary>
    public static string ArgumentsSha256(IDictionary<string, JsonElement>? arguments)
    {
        var element = JsonSerializer.SerializeToElement(
            arguments ?? new Dictionary<string, JsonElement>(), AuditJsonContext.Default.IDictionaryStringJsonElement);
        return CanonicalJson.Sha256(element);
    }

    private static string Message(McpToolDescriptor tool, ToolAccess access, IDictionary<string, JsonElement>? arguments)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Approve this call? Tool '{tool.Name}' ({access}).");
        if (!string.IsNullOrWhiteSpace(tool.Title))
        {
            text.Append(CultureInfo.InvariantCulture, $" {tool.Title}.");
        }

        if (arguments is null || arguments.Count == 0)
        {
            return text.Append(" No arguments.").ToString();
        }

        text.Append("\nArguments:");
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Take(MaxArgumentsListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {Cut(name, 64)}: {Cut(value.GetRawText(), MaxValueChars)}");
        }

        if (arguments.Count > MaxArgumentsListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- ... and {arguments.Count - MaxArgumentsListed} more");
        }

        return text.ToString();
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max] + "...";
}

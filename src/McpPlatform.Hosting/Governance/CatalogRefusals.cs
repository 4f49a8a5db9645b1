using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Audit;
using ModelContextProtocol;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// Refusals of requests the governed catalog cannot answer: a tool, prompt or resource it does not
/// hold (one registered on the plain SDK, or added to a session after start, is treated as absent),
/// and a resource URI whose template match ran out of time. The caller gets the words the SDK uses
/// for a name that does not exist, so it cannot tell an ungoverned registration from a missing one;
/// the audit record says why (decision <c>denied</c>, rule <see cref="NotInCatalogRule"/> or
/// <see cref="UriTemplateTimeoutRule"/>).
/// </summary>
internal static class CatalogRefusals
{
    /// <summary>The audit rule of a request for something the governed catalog does not hold.</summary>
    public const string NotInCatalogRule = "not-in-catalog";

    /// <summary>The audit rule of a resource URI refused because matching it against a template took too long.</summary>
    public const string UriTemplateTimeoutRule = "uri-template-timeout";

    // Names and URIs come from the caller: echo enough to recognise them, never megabytes.
    private const int MaxEchoedLength = 200;

    public static McpProtocolException UnknownTool(string? name) =>
        Refuse(NotInCatalogRule, $"Unknown tool: '{Shorten(name)}'", McpErrorCode.InvalidParams);

    /// <summary>The audit rule of a direct call of an operation this connection reaches only through Code Mode.</summary>
    public const string CodeModeOnlyRule = "code-mode-only";

    /// <summary>
    /// A direct tools/call of an OpenAPI operation the connection's list does not show: refused, naming the way in,
    /// so a client that guessed or remembered a name learns where the operation is instead of "unknown tool".
    /// </summary>
    public static McpProtocolException OfferedThroughCodeMode(string name, string codeModeName, int operations, int limit) =>
        Refuse(
            CodeModeOnlyRule,
            $"The tool '{Shorten(name)}' is an API operation this server offers through Code Mode ({operations} operations, more than McpPlatform:OpenApi:NativeToolLimit = {limit}): "
            + $"find it with the search tool and call it with the execute tool as codemode.{codeModeName}(args).",
            McpErrorCode.InvalidParams);

    public static McpProtocolException UnknownPrompt(string? name) =>
        Refuse(NotInCatalogRule, $"Unknown prompt: '{Shorten(name)}'", McpErrorCode.InvalidParams);

    public static McpProtocolException ResourceNotFound(string uri) =>
        Refuse(NotInCatalogRule, $"Resource not found: '{Shorten(uri)}'", McpErrorCode.ResourceNotFound);

    /// <summary>
    /// A URI no template could be decided for in time is refused, never handed to a template that
    /// comes later in precedence: it may well belong to the one that timed out.
    /// </summary>
    public static McpProtocolException UriTemplateTimedOut() =>
        Refuse(
            UriTemplateTimeoutRule,
            $"Refused: the URI could not be matched against this server's resource templates within the time limit ({(int)UriTemplate.MatchTimeout.TotalMilliseconds} ms). Use a shorter URI.",
            McpErrorCode.InvalidRequest);

    /// <summary>Notes on the current audit record that the catalog did not hold what was asked for (no error raised).</summary>
    public static void RecordNotInCatalog() => Record(NotInCatalogRule);

    private static McpProtocolException Refuse(string rule, string message, McpErrorCode code)
    {
        Record(rule);
        return new McpProtocolException(message, code);
    }

    private static void Record(string rule)
    {
        if (AuditScope.Current is { } record)
        {
            record.Decision = AuditDecisions.Denied;
            record.Rule = rule;
        }
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "...";
}

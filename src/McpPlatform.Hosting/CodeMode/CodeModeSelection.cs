using McpPlatform.Governance.CodeMode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Decides per request which surface a connection sees: the <c>codemode</c> query parameter of
/// the MCP URL (<c>search_and_execute</c> or <c>false</c>) when present, else the configured
/// default. Clients send every request of a session to the same URL, so reading each request's
/// query works in stateless and stateful mode alike.
/// </summary>
public static class CodeModeSelection
{
    /// <summary>The query parameter on the MCP URL.</summary>
    public const string QueryParameter = CodeModeQuery.Parameter;

    /// <summary>The value that selects Code Mode.</summary>
    public const string SearchAndExecute = CodeModeQuery.SearchAndExecute;

    /// <summary>The value (as configured default) that selects the plain tool list.</summary>
    public const string Tools = CodeModeQuery.Tools;

    /// <inheritdoc cref="CodeModeQuery.Parse"/>
    public static bool? Parse(string? value) => CodeModeQuery.Parse(value);

    /// <summary>Whether the request behind <paramref name="services"/> runs in Code Mode.</summary>
    /// <exception cref="McpProtocolException">The query parameter has a value that is not understood.</exception>
    public static bool IsCodeMode(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CodeModeOptions>>().Value;
        if (!options.Enabled)
        {
            return false;
        }

        var query = services.GetService<IHttpContextAccessor>()?.HttpContext?.Request.Query[QueryParameter];
        if (query is not { Count: > 0 } values)
        {
            return Parse(options.Default) == true;
        }

        return Parse(values[0]) ?? throw new McpProtocolException(
            $"The '{QueryParameter}' query parameter must be '{SearchAndExecute}' or 'false' (got '{Truncate(values[0])}').",
            McpErrorCode.InvalidRequest);
    }

    private static string Truncate(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "...";
}

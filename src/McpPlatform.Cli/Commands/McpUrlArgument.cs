using System.CommandLine.Parsing;

namespace McpPlatform.Cli.Commands;

/// <summary>The one check of every <c>--url</c> that names a running server's MCP endpoint.</summary>
internal static class McpUrlArgument
{
    /// <summary>An absolute http(s) URL without credentials in it (they belong in <c>--token</c>, which is never printed).</summary>
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError($"--url: '{text}' is not an absolute http or https URL; give the server's MCP endpoint, e.g. http://127.0.0.1:5080/mcp.");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            result.AddError("--url: put credentials in --token, not in the URL.");
            return null;
        }

        return uri;
    }
}

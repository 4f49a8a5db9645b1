using McpPlatform.Portal.Configuration;

namespace McpPlatform.Portal.Manifest;

/// <summary>How an upstream's tool is named on the portal, and whether the configuration offers it.</summary>
internal static class UpstreamToolNames
{
    /// <summary><c>{namespace}_{tool}</c>, or <c>{namespace}_{alias}</c> when <see cref="UpstreamOptions.Aliases"/> names one.</summary>
    public static string Offered(string @namespace, string upstreamTool, UpstreamOptions options) =>
        @namespace + "_" + (options.Aliases.TryGetValue(upstreamTool, out var alias) && alias.Length > 0 ? alias : upstreamTool);

    /// <summary>Whether <see cref="UpstreamOptions.AllowedTools"/> lets the portal offer the upstream's <paramref name="upstreamTool"/> (<c>*</c>: every approved one).</summary>
    public static bool IsAllowed(UpstreamOptions options, string upstreamTool) =>
        options.AllowedTools.Any(allowed => allowed == "*" || string.Equals(allowed, upstreamTool, StringComparison.Ordinal));
}

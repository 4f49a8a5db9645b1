namespace McpPlatform.Portal.Relay;

/// <summary>
/// How upstream resource URIs, URI templates and prompt names appear at the portal, and back. Resources:
/// <c>{namespace}+{upstream uri}</c> (<c>everything+demo://resource/static/document/architecture.md</c>): the
/// namespace joins the URI's scheme, so the result is still an absolute URI, and a template stays a template
/// (the prefix holds no braces). Prompts: <c>{namespace}_{prompt}</c>, as tools are named.
/// </summary>
/// <remarks>
/// Reversal takes the longest configured namespace that prefixes the name followed by the separator, so a namespace
/// that itself holds <c>_</c> or <c>+</c> still maps back to exactly one upstream. Names no upstream claims are left to
/// the portal's own resources and prompts.
/// </remarks>
internal static class RelayNames
{
    public const char UriSeparator = '+';
    public const char PromptSeparator = '_';

    public static string Uri(string upstreamNamespace, string upstreamUri) => upstreamNamespace + UriSeparator + upstreamUri;

    public static string Prompt(string upstreamNamespace, string upstreamPrompt) => upstreamNamespace + PromptSeparator + upstreamPrompt;

    /// <summary>The upstream and its own URI (or template) for a portal URI; false when no upstream claims it.</summary>
    public static bool TryParseUri(IReadOnlyList<RelayUpstream> upstreams, string portalUri, out RelayUpstream upstream, out string upstreamUri) =>
        TryParse(upstreams, portalUri, UriSeparator, out upstream, out upstreamUri);

    /// <summary>The upstream and its own prompt name for a portal prompt name; false when no upstream claims it.</summary>
    public static bool TryParsePrompt(IReadOnlyList<RelayUpstream> upstreams, string portalPrompt, out RelayUpstream upstream, out string upstreamPrompt) =>
        TryParse(upstreams, portalPrompt, PromptSeparator, out upstream, out upstreamPrompt);

    private static bool TryParse(IReadOnlyList<RelayUpstream> upstreams, string name, char separator, out RelayUpstream upstream, out string original)
    {
        upstream = null!;
        original = "";
        foreach (var candidate in upstreams)
        {
            var length = candidate.Namespace.Length;
            if (name.Length > length + 1 && name[length] == separator && name.StartsWith(candidate.Namespace, StringComparison.Ordinal)
                && (upstream is null || length > upstream.Namespace.Length))
            {
                upstream = candidate;
                original = name[(length + 1)..];
            }
        }

        return upstream is not null;
    }
}

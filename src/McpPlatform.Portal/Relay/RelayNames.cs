namespace McpPlatform.Portal.Relay;

/// <summary>
/// How upstream resource URIs, URI templates and prompt names appear at the portal, and back. Resources:
/// <c>{namespace}+{upstream uri}</c> (<c>everything+demo://resource/static/document/architecture.md</c>): the
/// namespace joins the URI's scheme, so the result is still an absolute URI, and a template stays a template
/// (the prefix holds no braces); unless the upstream's <c>ResourceUris</c> maps the URI's prefix to an offered one.
/// Prompts: <c>{namespace}_{prompt}</c>, as tools are named, with the upstream's <c>PromptAliases</c> standing in for
/// the prompt's own name.
/// </summary>
/// <remarks>
/// Reversal takes the longest offered URI prefix, else the longest configured namespace that prefixes the name followed
/// by the separator, so a namespace that itself holds <c>_</c> or <c>+</c> still maps back to exactly one upstream (start-up
/// validation keeps offered prefixes apart across upstreams). Names no upstream claims are left to the portal's own
/// resources and prompts.
/// </remarks>
internal static class RelayNames
{
    public const char UriSeparator = '+';
    public const char PromptSeparator = '_';

    /// <summary>The portal URI (or template) of an upstream's URI.</summary>
    public static string Uri(RelayUpstream upstream, string upstreamUri)
    {
        if (LongestPrefix(upstream.ResourceUris, upstreamUri, byOffered: false) is { } mapping)
        {
            return mapping.Value + upstreamUri[mapping.Key.Length..];
        }

        return upstream.Namespace + UriSeparator + upstreamUri;
    }

    /// <summary>The portal name of an upstream's prompt.</summary>
    public static string Prompt(RelayUpstream upstream, string upstreamPrompt) =>
        upstream.Namespace + PromptSeparator
        + (upstream.PromptAliases is { } aliases && aliases.TryGetValue(upstreamPrompt, out var alias) && alias.Length > 0 ? alias : upstreamPrompt);

    /// <summary>The upstream and its own URI (or template) for a portal URI; false when no upstream claims it.</summary>
    public static bool TryParseUri(IReadOnlyList<RelayUpstream> upstreams, string portalUri, out RelayUpstream upstream, out string upstreamUri)
    {
        upstream = null!;
        upstreamUri = "";
        var offeredLength = -1;
        foreach (var candidate in upstreams)
        {
            if (LongestPrefix(candidate.ResourceUris, portalUri, byOffered: true) is { } mapping && mapping.Value.Length > offeredLength)
            {
                (upstream, upstreamUri, offeredLength) = (candidate, mapping.Key + portalUri[mapping.Value.Length..], mapping.Value.Length);
            }
        }

        return upstream is not null || TryParse(upstreams, portalUri, UriSeparator, out upstream, out upstreamUri);
    }

    /// <summary>The upstream and its own prompt name for a portal prompt name; false when no upstream claims it.</summary>
    public static bool TryParsePrompt(IReadOnlyList<RelayUpstream> upstreams, string portalPrompt, out RelayUpstream upstream, out string upstreamPrompt)
    {
        if (!TryParse(upstreams, portalPrompt, PromptSeparator, out upstream, out var offered))
        {
            upstreamPrompt = "";
            return false;
        }

        upstreamPrompt = offered;
        if (upstream.PromptAliases is not { Count: > 0 } aliases)
        {
            return true;
        }

        foreach (var (own, alias) in aliases)
        {
            if (alias == offered)
            {
                upstreamPrompt = own;
                return true;
            }
        }

        // An aliased prompt is offered under its alias only, as an aliased tool is.
        return !(aliases.TryGetValue(offered, out var ownAlias) && ownAlias.Length > 0);
    }

    private static KeyValuePair<string, string>? LongestPrefix(IReadOnlyDictionary<string, string>? mappings, string uri, bool byOffered)
    {
        KeyValuePair<string, string>? best = null;
        foreach (var mapping in mappings ?? EmptyMappings)
        {
            var prefix = byOffered ? mapping.Value : mapping.Key;
            var bestLength = best is { } b ? (byOffered ? b.Value : b.Key).Length : -1;
            if (prefix.Length > 0 && uri.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > bestLength)
            {
                best = mapping;
            }
        }

        return best;
    }

    private static readonly Dictionary<string, string> EmptyMappings = new(StringComparer.Ordinal);

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

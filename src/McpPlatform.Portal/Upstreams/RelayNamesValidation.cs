using McpPlatform.Portal.Configuration;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Start-up checks of <see cref="UpstreamOptions.PromptAliases"/> and <see cref="UpstreamOptions.ResourceUris"/>: a
/// portal name must map back to exactly one upstream prompt or URI, so two prompts of an upstream may not share an
/// alias, and no offered URI prefix may overlap another (of any upstream) or a namespaced <c>{namespace}+</c> URI.
/// </summary>
internal static class RelayNamesValidation
{
    public static void Validate(PortalOptions options, List<string> failures)
    {
        var offered = new List<(string Space, string Prefix)>();
        foreach (var (space, upstream) in options.Upstreams)
        {
            if (upstream is null)
            {
                continue;
            }

            var at = $"{PortalOptions.SectionName}:Upstreams:{space}";
            ValidatePromptAliases(space, at + ":" + nameof(UpstreamOptions.PromptAliases), upstream.PromptAliases ?? [], failures);
            var mappings = upstream.ResourceUris ?? [];
            for (var i = 0; i < mappings.Count; i++)
            {
                var mapping = mappings[i];
                if (mapping is null || string.IsNullOrEmpty(mapping.Upstream) || string.IsNullOrEmpty(mapping.Offered))
                {
                    failures.Add($"Upstream '{space}': {at}:{nameof(UpstreamOptions.ResourceUris)}:{i} needs both Upstream and Offered (non-empty URI prefixes).");
                    continue;
                }

                if (mappings.Take(i).Any(earlier => earlier?.Upstream == mapping.Upstream))
                {
                    failures.Add($"Upstream '{space}': {at}:{nameof(UpstreamOptions.ResourceUris)} maps the upstream prefix '{mapping.Upstream}' more than once.");
                }

                offered.Add((space, mapping.Offered));
            }
        }

        for (var i = 0; i < offered.Count; i++)
        {
            for (var j = i + 1; j < offered.Count; j++)
            {
                var (a, b) = (offered[i], offered[j]);
                if (a.Prefix.StartsWith(b.Prefix, StringComparison.Ordinal) || b.Prefix.StartsWith(a.Prefix, StringComparison.Ordinal))
                {
                    failures.Add($"Upstream '{a.Space}' and upstream '{b.Space}': {nameof(UpstreamOptions.ResourceUris)} offer the overlapping URI prefixes "
                        + $"'{a.Prefix}' and '{b.Prefix}', so a URI could belong to either; give each its own prefix.");
                }
            }

            foreach (var space in options.Upstreams.Keys)
            {
                if (offered[i].Prefix.StartsWith(space + "+", StringComparison.Ordinal))
                {
                    failures.Add($"Upstream '{offered[i].Space}': {PortalOptions.SectionName}:Upstreams:{offered[i].Space}:{nameof(UpstreamOptions.ResourceUris)} offers the prefix "
                        + $"'{offered[i].Prefix}', which overlaps the namespaced URIs '{space}+...' of upstream '{space}'.");
                }
            }
        }
    }

    private static void ValidatePromptAliases(string space, string at, Dictionary<string, string> aliases, List<string> failures)
    {
        foreach (var (prompt, alias) in aliases.Where(entry => string.IsNullOrWhiteSpace(entry.Value)))
        {
            failures.Add($"Upstream '{space}': {at}:{prompt} is empty; give the prompt's offered name or remove the entry.");
        }

        foreach (var shared in aliases.Where(entry => !string.IsNullOrWhiteSpace(entry.Value)).GroupBy(entry => entry.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Upstream '{space}': {at} offers the prompts {string.Join(", ", shared.Select(e => $"'{e.Key}'").Order(StringComparer.Ordinal))} all as '{shared.Key}'; each alias must name one prompt.");
        }
    }
}

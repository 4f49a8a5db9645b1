namespace McpPlatform.Portal.Tests.EndToEnd.Conformance;

/// <summary>
/// Which of the suite's server scenarios the portal is held to, and why the rest do not apply to a portal. Every
/// scenario the direct run holds McpPlatform to (<c>ServerScenarios.InScope</c>) is in exactly one list.
/// </summary>
public static class PortalConformanceScenarios
{
    /// <summary>Scenarios that pass directly against the fixture and must pass through the portal.</summary>
    public static readonly IReadOnlyList<string> ThroughPortal =
    [
        // The portal's own protocol surface.
        "server-initialize",
        "ping",
        "logging-set-level",
        "server-sse-multiple-streams",
        "server-sse-polling",
        "dns-rebinding-protection",

        // Upstream tools, listed and called through the portal (fixed names given back by aliases, see ConformancePortal).
        "tools-list",
        "json-schema-2020-12",
        "tools-call-simple-text",
        "tools-call-image",
        "tools-call-audio",
        "tools-call-embedded-resource",
        "tools-call-mixed-content",
        "tools-call-error",
        "tools-call-with-progress",

        // Relayed from the upstream to the caller during a call, and upstream lists (src/McpPlatform.Portal/Relay).
        "tools-call-with-logging",
        "tools-call-elicitation",
        "elicitation-sep1034-defaults",
        "elicitation-sep1330-enums",
        "resources-list",
        "prompts-list",
    ];

    private const string NamespacedUri =
        "reads a fixed upstream URI (test://...), while the portal offers upstream resources only under namespaced URIs "
        + "({namespace}+{uri}) so two upstreams can never collide; the same read under the portal's URI is covered by the relay tests";

    private const string NamespacedPrompt =
        "gets a prompt by its fixed upstream name, while the portal offers upstream prompts only as {namespace}_{prompt} and "
        + "has no alias setting for prompts (tools have one, which is how the tools scenarios keep their names)";

    /// <summary>Scenarios that cannot pass through a namespacing portal, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["resources-read-text"] = NamespacedUri,
        ["resources-read-binary"] = NamespacedUri,
        ["resources-templates-read"] = NamespacedUri,
        ["resources-subscribe"] = NamespacedUri,
        ["resources-unsubscribe"] = NamespacedUri,
        ["prompts-get-simple"] = NamespacedPrompt,
        ["prompts-get-with-args"] = NamespacedPrompt,
        ["prompts-get-embedded-resource"] = NamespacedPrompt,
        ["prompts-get-with-image"] = NamespacedPrompt,
        ["completion-complete"] = "completes an argument of a prompt referenced by its fixed upstream name (" + NamespacedPrompt + ")",
        ["tools-call-sampling"] =
            "needs the upstream's sampling/createMessage relayed to the caller; the portal relays progress, logging and "
            + "elicitation (issue 16, item 5), not sampling: its upstream client does not offer sampling, so the tool cannot sample",
    };

    public static TheoryData<string> ThroughPortalNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ThroughPortal)
        {
            data.Add(name);
        }

        return data;
    }
}

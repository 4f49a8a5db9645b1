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

        // Upstream resources, templates, prompts and completions under the fixture's own names (ResourceUris and
        // PromptAliases, see ConformancePortal), read through the gate as resource:test and prompt:test.
        "resources-read-text",
        "resources-read-binary",
        "resources-templates-read",
        "prompts-get-simple",
        "prompts-get-with-args",
        "prompts-get-embedded-resource",
        "prompts-get-with-image",
        "completion-complete",
    ];

    private const string RefusedSubscription =
        "subscribes to an upstream resource, which the portal refuses in words by design: it does not relay the upstream's "
        + "notifications/resources/updated, so accepting would promise updates that never come (read the resource again instead)";

    /// <summary>Scenarios that cannot pass through a namespacing portal, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["resources-subscribe"] = RefusedSubscription,
        ["resources-unsubscribe"] = "subscribes first (" + RefusedSubscription + ")",
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

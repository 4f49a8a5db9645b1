using McpPlatform.Conformance.Tests;

namespace McpPlatform.Portal.Tests.EndToEnd.Conformance;

/// <summary>
/// Which of the suite's server scenarios the portal is held to, and why the rest do not apply to a portal. Every
/// scenario the direct run holds McpPlatform to (<see cref="ServerScenarios.InScope"/>) is in exactly one list.
/// </summary>
public static class PortalConformanceScenarios
{
    /// <summary>Scenarios that pass directly against the fixture and must pass through the portal.</summary>
    public static readonly IReadOnlyList<string> ThroughPortal =
    [
        "server-initialize",
        "ping",
        "logging-set-level",
        "tools-list",
        "server-sse-multiple-streams",
        "dns-rebinding-protection",
        "tools-call-simple-text",
        "tools-call-image",
        "tools-call-audio",
        "tools-call-embedded-resource",
        "tools-call-mixed-content",
        "tools-call-with-logging",
        "tools-call-error",
        "tools-call-with-progress",
        "tools-call-sampling",
        "tools-call-elicitation",
        "elicitation-sep1034-defaults",
        "elicitation-sep1330-enums",
        "json-schema-2020-12",
        "server-sse-polling",
        "resources-list",
        "resources-read-text",
        "resources-read-binary",
        "resources-templates-read",
        "resources-subscribe",
        "resources-unsubscribe",
        "prompts-list",
        "prompts-get-simple",
        "prompts-get-with-args",
        "prompts-get-embedded-resource",
        "prompts-get-with-image",
        "completion-complete",
    ];

    /// <summary>Scenarios that cannot pass through any namespacing portal, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
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

namespace McpPlatform.Conformance.Tests;

/// <summary>
/// Which of the suite's server scenarios McpPlatform is held to, which it is not (yet), and the
/// few warnings that are known and explained. Every scenario `conformance list --server`
/// prints must be in exactly one of the two lists.
/// </summary>
public static class ServerScenarios
{
    /// <summary>Scenario name and the group it belongs to.</summary>
    public static readonly IReadOnlyDictionary<string, string> InScope = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["server-initialize"] = "lifecycle",
        ["ping"] = "lifecycle",
        ["logging-set-level"] = "logging",
        ["tools-list"] = "tools",
        ["tools-call-simple-text"] = "tools",
        ["tools-call-image"] = "tools",
        ["tools-call-audio"] = "tools",
        ["tools-call-embedded-resource"] = "tools",
        ["tools-call-mixed-content"] = "tools",
        ["tools-call-with-logging"] = "tools",
        ["tools-call-error"] = "tools",
        ["tools-call-with-progress"] = "tools",
        ["tools-call-sampling"] = "tools",
        ["tools-call-elicitation"] = "tools",
        ["elicitation-sep1034-defaults"] = "tools",
        ["elicitation-sep1330-enums"] = "tools",
        ["json-schema-2020-12"] = "tools",
        ["server-sse-polling"] = "transport",
        ["server-sse-multiple-streams"] = "transport",
        ["dns-rebinding-protection"] = "security",
        ["resources-list"] = "resources",
        ["resources-read-text"] = "resources",
        ["resources-read-binary"] = "resources",
        ["resources-templates-read"] = "resources",
        ["resources-subscribe"] = "resources",
        ["resources-unsubscribe"] = "resources",
        ["prompts-list"] = "prompts",
        ["prompts-get-simple"] = "prompts",
        ["prompts-get-with-args"] = "prompts",
        ["prompts-get-embedded-resource"] = "prompts",
        ["prompts-get-with-image"] = "prompts",
        ["completion-complete"] = "completions",
    };

    /// <summary>Scenario name and why McpPlatform does not run it (none since resources, prompts and completions arrived).</summary>
    public static readonly IReadOnlyDictionary<string, string> OutOfScope = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>
    /// WARNING checks that are understood and accepted, by scenario and check id. A listed check
    /// that stops warning fails the run too, so this list cannot go stale.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Scenario, string CheckId), string> ExpectedWarnings =
        new Dictionary<(string, string), string>
        {
            // The scenario (pending in suite 0.1.16) initializes at 2025-11-25, then sends
            // tools/call test_reconnection with a hard-coded MCP-Protocol-Version: 2025-03-26.
            // ModelContextProtocol.AspNetCore 2.4.0 refuses a version change within a session
            // (-32600), so the tool never runs: no retry field, nothing to resume.
            [("server-sse-polling", "server-sse-retry-field")] = ProtocolVersionChange,
            [("server-sse-polling", "server-sse-disconnect-resume")] = ProtocolVersionChange,
        };

    private const string ProtocolVersionChange =
        "the scenario switches MCP-Protocol-Version to 2025-03-26 inside a 2025-11-25 session and the SDK rejects the call";

    public static TheoryData<string> InScopeNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in InScope.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}

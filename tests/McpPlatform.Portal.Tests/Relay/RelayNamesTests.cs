using McpPlatform.Portal.Relay;

namespace McpPlatform.Portal.Tests.Relay;

/// <summary>
/// How upstream URIs and prompt names are offered and mapped back, with and without the per-upstream ResourceUris and
/// PromptAliases settings (the conformance run covers the same through a real portal).
/// </summary>
public sealed class RelayNamesTests
{
    private static readonly RelayUpstream Test = Upstream("test", prompts: new() { ["test_simple_prompt"] = "simple_prompt" }, uris: new() { ["test://"] = "test://" });
    private static readonly RelayUpstream Jira = Upstream("jira", uris: new() { ["jira://issue/"] = "tickets://" });
    private static readonly RelayUpstream Plain = Upstream("plain");
    private static readonly IReadOnlyList<RelayUpstream> All = [Test, Jira, Plain];

    [Theory]
    [InlineData("test", "test://static-text", "test://static-text")]
    [InlineData("test", "other://x", "test+other://x")]
    [InlineData("jira", "jira://issue/7", "tickets://7")]
    [InlineData("jira", "jira://project/7", "jira+jira://project/7")]
    [InlineData("plain", "test://static-text", "plain+test://static-text")]
    public void Offers_a_mapped_uri_prefix_and_namespaces_the_rest(string upstream, string upstreamUri, string offered)
    {
        Assert.Equal(offered, RelayNames.Uri(All.Single(u => u.Namespace == upstream), upstreamUri));

        Assert.True(RelayNames.TryParseUri(All, offered, out var owner, out var back));
        Assert.Equal(upstream, owner.Namespace);
        Assert.Equal(upstreamUri, back);
    }

    [Fact]
    public void A_uri_no_upstream_offers_is_left_to_the_portal()
    {
        Assert.False(RelayNames.TryParseUri(All, "portal://own", out _, out _));
    }

    [Fact]
    public void An_aliased_prompt_is_offered_and_found_under_its_alias_only()
    {
        Assert.Equal("test_simple_prompt", RelayNames.Prompt(Test, "test_simple_prompt"));
        Assert.Equal("test_other", RelayNames.Prompt(Test, "other"));

        Assert.True(RelayNames.TryParsePrompt(All, "test_simple_prompt", out var owner, out var upstreamPrompt));
        Assert.Equal(("test", "test_simple_prompt"), (owner.Namespace, upstreamPrompt));
        Assert.True(RelayNames.TryParsePrompt(All, "test_other", out _, out upstreamPrompt));
        Assert.Equal("other", upstreamPrompt);

        // Its namespaced own name would be test_test_simple_prompt: not offered, so not found.
        Assert.False(RelayNames.TryParsePrompt(All, "test_test_simple_prompt", out _, out _));
    }

    private static RelayUpstream Upstream(string space, Dictionary<string, string>? prompts = null, Dictionary<string, string>? uris = null) =>
        new(space, TimeSpan.FromSeconds(1), () => null, () => null, PromptAliases: prompts, ResourceUris: uris);
}

using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;

namespace McpPlatform.Generators.Tests.Resources;

/// <summary>The manifest's resources and prompts arrays (docs/governance-manifest.md).</summary>
public sealed class ResourceManifestTests
{
    [Fact]
    public void Handbook_manifest_matches_its_snapshot_which_the_CLI_tests_verify() =>
        Snapshot.Matches(
            GeneratorHarness.Run(ResourceSample.Source, IssueTrackerSample.Model, IssueTrackerSample.Tools).ManifestText(),
            "HandbookManifest.json");

    [Fact]
    public void Resources_and_prompts_follow_tools_sorted_by_name()
    {
        var manifest = GeneratorHarness.Run(ResourceSample.Source).Manifest();

        Assert.Equal(["manifestVersion", "server", "codeMode", "governance", "tools", "resources", "prompts", "hash"], manifest.Select(m => m.Key));
        Assert.Equal(["chapter", "contents", "logo"], manifest["resources"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(["review_change", "show_picture"], manifest["prompts"]!.AsArray().Select(p => (string)p!["name"]!));
    }

    [Fact]
    public void Resource_entry_names_uri_or_template_description_mime_type_access_and_granting_rules()
    {
        var resources = GeneratorHarness.Run(ResourceSample.Source).Manifest()["resources"]!.AsArray();

        var contents = Entry(resources, "contents");
        Assert.Equal(["name", "title", "uri", "description", "mimeType", "access", "grantedBy"], contents.Select(m => m.Key));
        Assert.Equal("docs://handbook", (string)contents["uri"]!);
        Assert.Equal("text/markdown", (string)contents["mimeType"]!);
        Assert.Equal("read", (string)contents["access"]!);
        Assert.Equal(["default-read"], contents.Strings("grantedBy"));
        var chapter = Entry(resources, "chapter");
        Assert.Equal("docs://handbook/{chapter}/{section}", (string)chapter["uriTemplate"]!);
        Assert.Null(chapter["uri"]);
        Assert.Null(chapter["mimeType"]);
    }

    [Fact]
    public void Prompt_entry_lists_arguments_with_descriptions_and_required()
    {
        var prompts = GeneratorHarness.Run(ResourceSample.Source).Manifest()["prompts"]!.AsArray();

        var review = Entry(prompts, "review_change");
        Assert.Equal(["name", "title", "description", "arguments", "access", "grantedBy"], review.Select(m => m.Key));
        Assert.Equal(
            """[{"name":"change","description":"The change to review.","required":true},{"name":"tone","description":"How strict to be.","required":false}]""",
            review["arguments"]!.ToJsonString());
    }

    [Fact]
    public void GrantedBy_names_rules_that_cover_resources_and_prompts_by_name_tool_set_or_star()
    {
        var inputs = GeneratorInputs.Default.WithAppSettings("""
            { "McpPlatform": { "Policy": { "DefaultRead": false, "Rules": [
              { "Name": "docs-readers", "Groups": ["staff"], "Tools": ["resources/*"], "Access": ["Read"] },
              { "Name": "logo-only", "Tools": ["resource:logo"], "Access": ["Read"] },
              { "Name": "reviewers", "Tools": ["prompt:review_change"], "Access": ["Read"] },
              { "Name": "writers", "Tools": ["*"], "Access": ["Write"] },
              { "Name": "everyone", "Tools": ["*"], "Access": ["Read"] } ] } } }
            """);
        var manifest = GeneratorHarness.Run(GeneratorHarness.Compile(ResourceSample.Source), inputs).Manifest();

        Assert.Equal(["docs-readers", "everyone", "logo-only"], Entry(manifest["resources"]!.AsArray(), "logo").Strings("grantedBy"));
        Assert.Equal(["docs-readers", "everyone"], Entry(manifest["resources"]!.AsArray(), "contents").Strings("grantedBy"));
        Assert.Equal(["everyone", "reviewers"], Entry(manifest["prompts"]!.AsArray(), "review_change").Strings("grantedBy"));
        Assert.Equal(["everyone"], Entry(manifest["prompts"]!.AsArray(), "show_picture").Strings("grantedBy"));
    }

    [Fact]
    public void Manifest_without_resources_or_prompts_has_neither_array()
    {
        var manifest = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools).Manifest();

        Assert.False(manifest.ContainsKey("resources"));
        Assert.False(manifest.ContainsKey("prompts"));
    }

    [Fact]
    public void Changing_a_resource_changes_the_manifest_hash()
    {
        var before = GeneratorHarness.Run(ResourceSample.Source).Manifest();
        var after = GeneratorHarness.Run(ResourceSample.Source.Replace("docs://logo", "docs://brand-logo", StringComparison.Ordinal)).Manifest();

        Assert.NotEqual((string)before["hash"]!, (string)after["hash"]!);
    }

    private static JsonObject Entry(JsonArray array, string name) =>
        Assert.Single(array, e => (string?)e!["name"] == name)!.AsObject();
}

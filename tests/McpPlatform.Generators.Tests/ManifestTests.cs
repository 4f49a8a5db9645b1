using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Generators.Tests;

/// <summary>The governance manifest: its exact text, determinism, hashes, and what carries it.</summary>
public sealed class ManifestTests
{
    private static readonly GeneratorInputs Configured = GeneratorInputs.Default.WithAppSettings(GovernanceSample.AppSettings);

    [Fact]
    public void Manifest_matches_the_expected_document()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured);

        Assert.Empty(run.Diagnostics);
        Snapshot.Matches(run.ManifestText(), "GovernanceManifest.json");
    }

    [Fact]
    public void Manifest_is_byte_identical_across_runs()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();
        var second = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Manifest_does_not_depend_on_declaration_order()
    {
        var forward = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();
        var reordered = GeneratorHarness.Compile(
            GovernanceSample.Reports(GovernanceSample.ReportMethods.Reverse()),
            GovernanceSample.Issues(GovernanceSample.IssueMethods.Reverse()));
        var backward = GeneratorHarness.Run(reordered, Configured).ManifestText();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Manifest_is_LF_indented_text_with_a_final_newline_and_no_nulls()
    {
        var text = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();

        Assert.StartsWith("{\n  \"manifestVersion\": 1,\n  \"server\": { \"name\": \"Sample.Server\", \"version\": \"1.0.0\" },\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\"\n}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain("null,", text, StringComparison.Ordinal);
        Assert.Contains("\n    {\n      \"name\": \"issues.create\",\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_are_in_the_contract_order_and_optional_ones_are_omitted()
    {
        var manifest = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).Manifest();

        Assert.Equal(["manifestVersion", "server", "codeMode", "governance", "tools", "hash"], manifest.Select(p => p.Key));
        var schedule = manifest["tools"]!.AsArray().Single(t => (string?)t!["name"] == "reports_schedule")!.AsObject();
        Assert.Equal(
            ["name", "title", "description", "toolSet", "access", "annotations", "requiredScopes", "grantedBy", "inputSchema", "inputSchemaHash", "outputSchema", "secrets", "dataRules", "codeMode"],
            schedule.Select(p => p.Key));
        var create = manifest["tools"]!.AsArray().Single(t => (string?)t!["name"] == "issues.create")!.AsObject();
        Assert.False(create.ContainsKey("title"));
        Assert.False(create.ContainsKey("outputSchema"));
        Assert.Equal(["issues.create", "issues.delete", "issues.search", "reports_export", "reports_schedule"],
            manifest["tools"]!.AsArray().Select(t => (string)t!["name"]!));
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_canonical_document_without_its_hash()
    {
        var text = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();
        var node = JsonNode.Parse(text)!.AsObject();
        var stated = (string)node["hash"]!;
        node.Remove("hash");

        using var document = JsonDocument.Parse(node.ToJsonString());
        Assert.Equal(GeneratedManifest.Sha256(GeneratedManifest.Canonical(document.RootElement)), stated);
        Assert.Matches("^sha256:[0-9a-f]{64}$", stated);
    }

    [Fact]
    public void Input_schema_hashes_are_the_sha256_of_the_canonical_schema()
    {
        var text = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();
        using var document = JsonDocument.Parse(text);

        foreach (var tool in document.RootElement.GetProperty("tools").EnumerateArray())
        {
            var expected = GeneratedManifest.Sha256(GeneratedManifest.Canonical(tool.GetProperty("inputSchema")));
            Assert.Equal(expected, tool.GetProperty("inputSchemaHash").GetString());
        }
    }

    [Fact]
    public void Canonical_form_escapes_and_sorts_as_the_contract_says()
    {
        // A description with quotes, a tab, a control character and non-ASCII text goes through the hash.
        var source = ToolSource.Of("""
            public static class Odd
            {
                [McpTool("odd", Access = ToolAccess.Read, Description = "Quote \" back\\slash tab\t bell\u0007 é 💡")]
                public static string Run([Description("Zeta then alpha.")] string zeta, [Description("Alpha.")] string alpha) => zeta + alpha;
            }
            """);
        var text = GeneratorHarness.Run(source).ManifestText();
        var node = JsonNode.Parse(text)!.AsObject();
        var stated = (string)node["hash"]!;
        node.Remove("hash");
        using var document = JsonDocument.Parse(node.ToJsonString());

        Assert.Contains("\"Quote \\\" back\\\\slash tab\\t bell\\u0007 é 💡\"", text, StringComparison.Ordinal);
        Assert.Equal(GeneratedManifest.Sha256(GeneratedManifest.Canonical(document.RootElement)), stated);
    }

    [Fact]
    public void Runtime_canonical_json_agrees_with_the_generator()
    {
        var text = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestText();
        using var document = JsonDocument.Parse(text);

        foreach (var tool in document.RootElement.GetProperty("tools").EnumerateArray())
        {
            Assert.Equal(tool.GetProperty("inputSchemaHash").GetString(), CanonicalJson.Sha256(tool.GetProperty("inputSchema")));
        }

        var parsed = ManifestDocument.Parse(text, "mcp-manifest.json");
        Assert.Equal(document.RootElement.GetProperty("hash").GetString(), parsed.Hash);
        Assert.Equal(5, parsed.Tools.Count);
    }

    [Fact]
    public void Catalog_and_assembly_carry_the_manifest_and_its_hash()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured);
        var text = run.ManifestText();

        var catalog = run.LoadCatalog();

        Assert.Equal((string)JsonNode.Parse(text)!["hash"]!, catalog.ManifestHash);
        Assert.Equal(text, GeneratedManifest.ManifestFromAssembly(catalog.Tools[0].GetType().Assembly));
    }

    [Fact]
    public void Server_name_and_version_come_from_the_build_properties()
    {
        var inputs = GeneratorInputs.Default with
        {
            BuildProperties = GeneratorInputs.Default.BuildProperties.SetItem("AssemblyName", "Acme.Jira").SetItem("Version", "2.3.1-beta"),
        };

        var server = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), inputs).Manifest()["server"]!;

        Assert.Equal("Acme.Jira", (string)server["name"]!);
        Assert.Equal("2.3.1-beta", (string)server["version"]!);
    }

    [Fact]
    public void Without_build_properties_the_assembly_name_and_version_0_0_0_are_used()
    {
        var compilation = GeneratorHarness.Compile(GovernanceSample.Sources);

        var server = GeneratorHarness.Run(compilation, GeneratorInputs.None).Manifest()["server"]!;

        Assert.Equal(compilation.AssemblyName, (string)server["name"]!);
        Assert.Equal("0.0.0", (string)server["version"]!);
    }

    [Fact]
    public void Secrets_are_listed_sorted_and_never_in_the_input_schema()
    {
        var tool = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), Configured).ManifestTool("issues.create");

        Assert.Equal(["audit-key", "jira-token"], tool.Strings("secrets"));
        Assert.Equal(["title"], tool["inputSchema"]!["properties"]!.AsObject().Select(p => p.Key));
    }
}

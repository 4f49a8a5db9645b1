using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// The source generator (netstandard2.0) and the runtime/CLI each implement the canonical form; a manifest the
/// generator wrote must verify here, hash for hash.
/// </summary>
public sealed class GeneratorAgreementTests
{
    private static readonly string GeneratorManifest =
        Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", "GovernanceManifest.json");

    /// <summary>
    /// What the generator wrote for its resource sample (tests/McpPlatform.Generators.Tests/Samples/ResourceSample.cs)
    /// together with the issue-tracker tools: the generator tests' snapshot, so it cannot drift from the generator's
    /// output. Tools, then resources (fixed and templated), then prompts, then the hash.
    /// </summary>
    private static readonly string HandbookManifest =
        Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", "HandbookManifest.json");

    [Fact]
    public void A_generated_manifest_with_resources_and_prompts_verifies_and_reads_every_entry()
    {
        var text = File.ReadAllText(HandbookManifest);

        var manifest = ManifestDocument.Parse(text, HandbookManifest);

        Assert.Equal(ManifestDocument.ComputeHash(manifest.Root), manifest.Hash);
        Assert.Contains($"\"hash\": \"{manifest.Hash}\"", text);
        Assert.NotEmpty(manifest.Tools);
        Assert.Equal(["chapter", "contents", "logo"], manifest.Resources.Select(r => r.Name));
        Assert.Equal("docs://handbook/{chapter}/{section}", manifest.FindResource("chapter")!.UriTemplate);
        Assert.Equal(("docs://handbook", "Handbook", "text/markdown"), (manifest.FindResource("contents")!.Uri, manifest.FindResource("contents")!.Title, manifest.FindResource("contents")!.MimeType));
        Assert.Equal(["review_change", "show_picture"], manifest.Prompts.Select(p => p.Name));
        Assert.Equal([new ManifestPromptArgument("change", "The change to review.", true), new ManifestPromptArgument("tone", "How strict to be.", false)],
            manifest.FindPrompt("review_change")!.Arguments);
        Assert.Equal([new ManifestPromptArgument("caption", null, false)], manifest.FindPrompt("show_picture")!.Arguments);
        Assert.All(manifest.Resources, r => Assert.Equal(["default-read"], r.GrantedBy));
    }

    [Fact]
    public void The_hash_covers_resources_and_prompts()
    {
        var text = File.ReadAllText(HandbookManifest);

        foreach (var (from, to) in new[] { ("\"docs://logo\"", "\"docs://brand-logo\""), ("\"How strict to be.\"", "\"How strict.\""), ("\"required\": false } ]", "\"required\": true } ]") })
        {
            Assert.Contains(from, text);
            var error = Assert.Throws<ManifestTamperedException>(() => ManifestDocument.Parse(text.Replace(from, to, StringComparison.Ordinal), HandbookManifest));
            Assert.Equal("hash", error.FieldPath);
        }
    }

    [Fact]
    public void The_generators_expected_manifest_verifies_with_every_hash()
    {
        var text = File.ReadAllText(GeneratorManifest);

        var manifest = ManifestDocument.Parse(text, GeneratorManifest);

        Assert.NotEmpty(manifest.Tools);
        Assert.All(manifest.Tools, t => Assert.Equal(CanonicalJson.Sha256(t.InputSchema), t.InputSchemaHash));
        Assert.Equal(ManifestDocument.ComputeHash(manifest.Root), manifest.Hash);
        Assert.Contains($"\"hash\": \"{manifest.Hash}\"", text);
    }
}

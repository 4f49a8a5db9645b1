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

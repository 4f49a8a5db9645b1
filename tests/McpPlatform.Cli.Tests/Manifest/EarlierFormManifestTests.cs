using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// Manifests hashed before the platform moved to RFC 8785 (tests/Shared/EarlierForms, written with the code before
/// that change): one whose numbers were canonical keeps its hash; one whose hash differs is named as the earlier
/// form with the command that fixes it, never called tampered, and <c>manifest approve</c> replaces it.
/// </summary>
public sealed class EarlierFormManifestTests : IDisposable
{
    private static readonly string EarlierForms = Path.Combine(RepositoryLayout.Root, "tests", "Shared", "EarlierForms");
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_generated_manifest_of_the_earlier_form_is_named_as_such_and_told_to_rebuild()
    {
        var path = Path.Combine(EarlierForms, "earlier-form.manifest.json");

        var error = Assert.Throws<ManifestEarlierFormException>(() => ManifestDocument.Load(path));

        Assert.Equal("hash", error.FieldPath);
        Assert.Contains("is a hash of the earlier canonical form (before RFC 8785 (JCS), numbers hashed as written)", error.Message);
        Assert.Contains("rebuild the project to regenerate it", error.Message);
    }

    [Fact]
    public void An_edited_earlier_form_manifest_is_still_tampered()
    {
        var text = File.ReadAllText(Path.Combine(EarlierForms, "earlier-form.manifest.json"))
            .Replace("9007199254740993", "9007199254740995", StringComparison.Ordinal);

        Assert.Throws<ManifestTamperedException>(() => ManifestDocument.Parse(text, "edited.json"));
    }

    [Fact]
    public async Task An_approved_manifest_of_the_earlier_form_fails_verify_naming_the_form_and_approve_rewrites_it()
    {
        // The project as rebuilt with this version: the same manifest, hashed in the RFC 8785 form.
        var rebuilt = CurrentFormOf(File.ReadAllText(Path.Combine(EarlierForms, "earlier-form.manifest.json")));
        File.WriteAllText(_folder.Combine(ManifestFiles.ManifestFileName), rebuilt);
        File.Copy(Path.Combine(EarlierForms, "earlier-form.approved.json"), _folder.Combine(ManifestFiles.ApprovedFileName));

        var verify = await CliRun.RunAsync("manifest", "verify", _folder.Path);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("is a hash of the earlier canonical form (before RFC 8785 (JCS), numbers hashed as written)", verify.Stderr);
        Assert.Contains("approve it again to rewrite it in the current form: mcp-platform manifest approve --reviewer you@example.com", verify.Stderr);
        Assert.DoesNotContain("tampered", verify.Stderr + verify.Stdout, StringComparison.OrdinalIgnoreCase);

        var approve = (await CliRun.RunAsync("manifest", "approve", _folder.Path, "--reviewer", "jane.doe@example.com")).EnsureSuccess();
        Assert.Contains("is of the earlier canonical form (hashed before RFC 8785); it is replaced by an approval in the current form.", approve.Stdout);

        var again = (await CliRun.RunAsync("manifest", "verify", _folder.Path)).EnsureSuccess();
        Assert.StartsWith($"OK: {_folder.Combine(ManifestFiles.ManifestFileName)} is approved", again.Stdout);
    }

    [Fact]
    public void A_manifest_whose_numbers_were_already_canonical_keeps_its_hash()
    {
        // The generator tests' expected manifest was written by the generator before RFC 8785 and is unchanged.
        var path = Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", "GovernanceManifest.json");

        var manifest = ManifestDocument.Load(path);

        Assert.Equal("sha256:60aaa908b152ccca1583ddb2d6b830ebf314ee18d0dd008a5cf625c811ac018a", manifest.Hash);
    }

    /// <summary>The manifest text with its hash replaced by the RFC 8785 one, as a rebuild writes it.</summary>
    internal static string CurrentFormOf(string text)
    {
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var recorded = document.RootElement.GetProperty("hash").GetString()!;
        return text.Replace(recorded, ManifestDocument.ComputeHash(document.RootElement), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>approve, verify and diff on manifests with resources and prompts, starting from one the generator wrote.</summary>
public sealed class ResourcePromptCommandTests : IDisposable
{
    private const string Reviewer = "jane.doe@example.com";

    private static readonly string GeneratedManifest =
        Path.Combine(RepositoryLayout.Root, "tests", "McpPlatform.Generators.Tests", "Expected", "HandbookManifest.json");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string ManifestPath => _folder.Combine(ManifestFiles.ManifestFileName);

    private string ApprovedPath => _folder.Combine(ManifestFiles.ApprovedFileName);

    private Task<CliRun> Verify(params string[] extra) => CliRun.RunAsync(["manifest", "verify", _folder.Path, .. extra]);

    private Task<CliRun> Approve() => CliRun.RunAsync("manifest", "approve", _folder.Path, "--reviewer", Reviewer);

    /// <summary>The generated manifest changed by <paramref name="change"/> and resealed, written as mcp-manifest.json.</summary>
    private void WriteChangedGeneratedManifest(Action<JsonObject> change)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(GeneratedManifest))!.AsObject();
        change(manifest);
        TestManifest.Write(TestManifest.Seal(manifest), ManifestPath);
    }

    [Fact]
    public async Task A_generated_manifest_with_resources_and_prompts_is_approved_verbatim_and_verifies()
    {
        File.Copy(GeneratedManifest, ManifestPath);

        var approve = (await Approve()).EnsureSuccess();
        var verify = (await Verify()).EnsureSuccess();

        Assert.Contains("every tool, resource and prompt is new:", approve.Stdout);
        Assert.Matches(@"MEDIUM\s+resource:chapter\s+resource-added\s+new resource uriTemplate ""docs://handbook/\{chapter\}/\{section\}""", approve.Stdout);
        Assert.Matches(@"MEDIUM\s+prompt:review_change\s+prompt-added\s+new prompt, arguments \[""change"", ""tone\?""\]", approve.Stdout);
        Assert.Contains("3 resources, 2 prompts) as jane.doe@example.com", approve.Stdout);
        Assert.Contains("3 resources, 2 prompts, approved by", verify.Stdout);
        var approvedText = File.ReadAllText(ApprovedPath);
        Assert.Contains("    \"uriTemplate\": \"docs://handbook/{chapter}/{section}\",", approvedText); // embedded verbatim, one level deeper
        Assert.Equal(ManifestDocument.Load(ManifestPath).Hash, ApprovedManifest.Load(ApprovedPath).Manifest.Hash);
    }

    [Fact]
    public async Task A_changed_resource_fails_verify_naming_it_and_passes_once_approved()
    {
        File.Copy(GeneratedManifest, ManifestPath);
        (await Approve()).EnsureSuccess();
        WriteChangedGeneratedManifest(m => m.Resource("logo")["uri"] = "https://cdn.example/logo.png");

        var verify = await Verify();

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("NOT APPROVED", verify.Stdout);
        Assert.Matches(@"MEDIUM\s+resource:logo\s+uri-changed\s+uri ""docs://logo"" → uri ""https://cdn.example/logo.png""", verify.Stdout);

        var change = JsonDocument.Parse((await Verify("--json")).Stdout).RootElement.GetProperty("diff").GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("uri-changed", "resource", "logo", JsonValueKind.Null, "medium"), (
            change.GetProperty("kind").GetString(),
            change.GetProperty("subject").GetString(),
            change.GetProperty("name").GetString(),
            change.GetProperty("tool").ValueKind,
            change.GetProperty("risk").GetString()));

        var approve = (await Approve()).EnsureSuccess();
        Assert.Contains("Changes since the approval by jane.doe@example.com", approve.Stdout);
        Assert.Contains("resource:logo", approve.Stdout);
        (await Verify()).EnsureSuccess();
    }

    [Fact]
    public async Task A_prompt_edited_inside_the_approved_file_is_rejected_as_tampered()
    {
        File.Copy(GeneratedManifest, ManifestPath);
        (await Approve()).EnsureSuccess();
        var text = File.ReadAllText(ApprovedPath);
        File.WriteAllText(ApprovedPath, text.Replace("\"Asks for a review of a change.\"", "\"Approve every change.\"", StringComparison.Ordinal));

        var verify = await Verify();

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("error: TAMPERED:", verify.Stderr);
        Assert.Contains("manifest.hash: the content does not match the hash", verify.Stderr);
    }

    [Fact]
    public async Task A_malformed_resource_is_bad_input_naming_the_line_and_field()
    {
        WriteChangedGeneratedManifest(m => m.Resource("contents")["access"] = "write");
        var lines = File.ReadAllText(ManifestPath).Split('\n');
        var line = Array.FindLastIndex(lines, l => l.Contains("\"access\": \"write\"", StringComparison.Ordinal)) + 1; // tools come first

        var verify = await CliRun.RunAsync("manifest", "diff", GeneratedManifest, ManifestPath, "--json");

        Assert.Equal(2, verify.ExitCode);
        var error = JsonDocument.Parse(verify.Stdout).RootElement.GetProperty("error");
        Assert.Equal(("malformed", line, "resources[1].access"), (error.GetProperty("kind").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains("expected read (reading a resource changes nothing), found 'write'", verify.Stderr);
    }

    [Fact]
    public async Task Diff_reports_prompt_changes_with_their_subject()
    {
        var before = TestManifest.Write(TestManifest.WithResourcesAndPrompts(), _folder.Combine("before.json"));
        var changed = TestManifest.WithResourcesAndPrompts();
        changed.Prompt("review_change")["grantedBy"] = TestManifest.Strings("contractors", "default-read");
        var after = TestManifest.Write(TestManifest.Seal(changed), _folder.Combine("after.json"));

        var plain = await CliRun.RunAsync("manifest", "diff", before, after);
        var json = JsonDocument.Parse((await CliRun.RunAsync("manifest", "diff", before, after, "--json")).Stdout).RootElement;

        Assert.Equal(1, plain.ExitCode);
        Assert.Matches(@"RISK\s+NAME\s+CHANGE\s+DETAILS", plain.Stdout);
        Assert.Matches(@"HIGH\s+prompt:review_change\s+grants-changed\s+granted by", plain.Stdout);
        Assert.Equal("high", json.GetProperty("highestRisk").GetString());
        var change = json.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("prompt", "review_change"), (change.GetProperty("subject").GetString(), change.GetProperty("name").GetString()));
    }
}

using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// Start-up pinning covers snippets (ManifestPinning): the approved scripts start in Production; a script changed and
/// rebuilt (a new compiled manifest) is refused until approved; a script replaced in the output after the build is
/// refused outside Development and only warned about in Development.
/// </summary>
public sealed class SnippetPinningTests : IDisposable
{
    private static readonly string Original = SnippetInputs.Text("ticket_summary");
    private static readonly string Changed = SnippetInputs.Text("ticket_summary", body: "await codemode.close_ticket({ key }); return 'closed';");

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-snippet-pinning-").FullName;

    private string ApprovedPath => Path.Combine(_folder, ManifestFiles.ApprovedFileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_approved_snippet_starts_in_production()
    {
        var build = SnippetManifestTests.Run(Original);
        Approve(build);

        Pinning(build, SnippetInputs.Served(Original)).Verify();
    }

    [Fact]
    public void A_snippet_changed_and_rebuilt_is_refused_until_approved()
    {
        Approve(SnippetManifestTests.Run(Original));
        var rebuilt = SnippetManifestTests.Run(Changed);

        var refused = Assert.Throws<InvalidOperationException>(() => Pinning(rebuilt, SnippetInputs.Served(Changed)).Verify());

        Assert.Contains("does not start in the 'Production' environment", refused.Message, StringComparison.Ordinal);
        Assert.Contains("snippet \"ticket_summary\" script changed", refused.Message, StringComparison.Ordinal);

        Approve(rebuilt);
        Pinning(rebuilt, SnippetInputs.Served(Changed)).Verify();
    }

    [Fact]
    public void A_snippet_replaced_in_the_output_after_the_build_is_refused_outside_development_and_runs_in_development()
    {
        var build = SnippetManifestTests.Run(Original);
        Approve(build);

        var refused = Assert.Throws<InvalidOperationException>(() => Pinning(build, SnippetInputs.Served(Changed)).Verify());

        Assert.Contains("The snippets this server would serve are not the ones in its compiled and approved manifest", refused.Message, StringComparison.Ordinal);
        Assert.Contains("tool \"snippet_ticket_summary\": the script (sha256:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("snippet \"ticket_summary\" was changed or replaced after the build", refused.Message, StringComparison.Ordinal);

        Pinning(build, SnippetInputs.Served(Changed), Environments.Development).Verify();
    }

    [Fact]
    public void A_snippet_added_to_the_output_after_the_build_is_refused()
    {
        var build = SnippetManifestTests.Run(Original);
        Approve(build);

        var refused = Assert.Throws<InvalidOperationException>(() =>
            Pinning(build, SnippetInputs.Served(Original, SnippetInputs.Text("extra"))).Verify());

        Assert.Contains("tool \"snippet_extra\" is served from a snippet but the compiled manifest has no such snippet", refused.Message, StringComparison.Ordinal);
    }

    private void Approve(GeneratorRun build) => ServedPinning.Approve(build, ApprovedPath);

    /// <summary>The start-up check of a server whose catalog is the build's generated tools plus the snippets it serves.</summary>
    private ManifestPinning Pinning(GeneratorRun build, IReadOnlyList<McpToolDescriptor> snippets, string environment = "Production") =>
        ServedPinning.Create(build, snippets, new ConfigurationBuilder().Build(), environment, _folder, ApprovedPath);
}

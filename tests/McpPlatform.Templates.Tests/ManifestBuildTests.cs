using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// The McpPlatform.Hosting package's build step: `dotnet build` of a scaffold writes mcp-manifest.json beside the
/// project from the manifest the generator compiled in, byte-stable across rebuilds and across clean scaffolds,
/// and ships mcp-manifest.approved.json with the output.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class ManifestBuildTests(ScaffoldFixture scaffold)
{
    [Fact]
    public async Task Build_writes_the_manifest_and_a_rebuild_leaves_the_file_untouched()
    {
        var manifestPath = Path.Combine(scaffold.ProjectDirectory, ManifestFiles.ManifestFileName);

        await BuildAsync(scaffold.ProjectDirectory);
        var first = await File.ReadAllBytesAsync(manifestPath);
        var written = File.GetLastWriteTimeUtc(manifestPath);
        await BuildAsync(scaffold.ProjectDirectory, "--no-incremental");

        Assert.Equal(first, await File.ReadAllBytesAsync(manifestPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifestPath));
        var manifest = ManifestDocument.Load(manifestPath);
        Assert.Equal(ScaffoldFixture.ProjectName, manifest.Server.Name);
        Assert.Equal(["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], manifest.Tools.Select(t => t.Name));
        Assert.False(first.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "mcp-manifest.json starts with a byte order mark.");
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
    }

    [Fact]
    public async Task A_second_clean_scaffold_writes_the_same_bytes_and_ships_its_approval()
    {
        await BuildAsync(scaffold.ProjectDirectory);
        var expected = await File.ReadAllBytesAsync(Path.Combine(scaffold.ProjectDirectory, ManifestFiles.ManifestFileName));
        var otherRoot = Directory.CreateTempSubdirectory("mcp-platform-second-clone-").FullName;
        try
        {
            var other = await ScaffoldAsync(otherRoot);
            await BuildAsync(other);

            var manifestPath = Path.Combine(other, ManifestFiles.ManifestFileName);
            Assert.Equal(expected, await File.ReadAllBytesAsync(manifestPath));
            var manifest = ManifestDocument.Load(manifestPath);
            Assert.Equal(ManifestDocument.Load(Path.Combine(scaffold.ProjectDirectory, ManifestFiles.ManifestFileName)).Hash, manifest.Hash);

            // Approve it: the next build copies the approval to the output, where the server looks for it; the
            // unreviewed mcp-manifest.json stays out of the output.
            ApprovedManifest.Create(manifest, "reviewer@example.com", DateTimeOffset.UnixEpoch).Write(Path.Combine(other, ManifestFiles.ApprovedFileName));
            await BuildAsync(other);
            var output = Path.Combine(other, "bin", "Debug", "net10.0");
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(other, ManifestFiles.ApprovedFileName)),
                await File.ReadAllBytesAsync(Path.Combine(output, ManifestFiles.ApprovedFileName)));
            Assert.False(File.Exists(Path.Combine(output, ManifestFiles.ManifestFileName)), "The unreviewed manifest was copied to the output.");

            // McpPlatformWriteManifest=false skips the step.
            File.Delete(manifestPath);
            await BuildAsync(other, "-p:McpPlatformWriteManifest=false");
            Assert.False(File.Exists(manifestPath), "mcp-manifest.json was written although McpPlatformWriteManifest=false.");
        }
        finally
        {
            try
            {
                Directory.Delete(otherRoot, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the OS temp cleaner gets it.
            }
        }
    }

    /// <summary>Builds the server project only (its tests are covered by <see cref="ScaffoldTests"/>).</summary>
    private Task<CommandResult> BuildAsync(string projectDirectory, params string[] options) =>
        scaffold.DotnetAsync(projectDirectory, ["build", ScaffoldFixture.ProjectName + ".csproj", "--nologo", .. options]);

    /// <summary><c>dotnet new mcp-governed -n Acme.Jira</c> in another folder, from the fixture's template hive and package feed.</summary>
    private async Task<string> ScaffoldAsync(string root)
    {
        var project = Path.Combine(root, ScaffoldFixture.ProjectName);
        await scaffold.DotnetAsync(root, "new", "nugetconfig", "-o", project);
        await scaffold.DotnetAsync(project, "nuget", "add", "source", RepositoryLayout.PackageFeed, "-n", "mcp-platform-local", "--configfile", "nuget.config");
        await scaffold.DotnetAsync(root, "new", "mcp-governed", "-n", ScaffoldFixture.ProjectName, "-o", project, "--debug:custom-hive", scaffold.Hive);
        return project;
    }
}

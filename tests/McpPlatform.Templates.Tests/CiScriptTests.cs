using System.Formats.Tar;
using System.Text.Json;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// The generated eng/ci.sh, run the way a pipeline runs it: every step green on an approved
/// manifest (container image from a loopback registry's base image, push and deploy skipped
/// with a message), and a red verify step once a tool changes without approval.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class CiScriptTests(ScaffoldFixture scaffold)
{
    private const string ProjectName = "Contoso.Mcp.Issues";
    private const string Slug = "contoso-mcp-issues";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Generated_ci_script_runs_green_end_to_end_then_refuses_an_unapproved_tool()
    {
        var options = new TemplateOptions("entra", "keyvault", CodeMode: false, Ci: "github", Deploy: "kubernetes");
        var directory = Path.Combine(scaffold.WorkRoot, "ci-script");
        await scaffold.InstantiateAsync(directory, ProjectName, options);
        await using var registry = await LoopbackContainerRegistry.StartAsync();
        var environment = new Dictionary<string, string?>(scaffold.Environment)
        {
            ["IMAGE_TAG"] = "test",
            ["SMOKE_PORT"] = LoopbackServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CONTAINER_BASE_IMAGE"] = registry.BaseImage,
            ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Host,
            ["CONTAINER_REGISTRY"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
        };

        // A reviewer approves the built tool surface first, as on a real branch.
        await RunAsync(directory, environment, "bash", "eng/ci.sh", "restore");
        await RunAsync(directory, environment, "bash", "eng/ci.sh", "build");
        await RunAsync(directory, environment, "dotnet", "tool", "run", "mcp-platform", "manifest", "approve", "--reviewer", "test");

        var run = await RunAsync(directory, environment, "bash", "eng/ci.sh");

        AssertStepsInOrder(run.Output,
            "==> restore", "==> build (warnings are errors)", "==> test", "==> manifest verify", "==> smoke test", "==> container image", "==> push and deploy: skipped (CONTAINER_REGISTRY is not set");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]\d*", run.Output);
        Assert.Contains("tools/call search_issues answered", run.Output);
        AssertContainerArchive(Path.Combine(directory, "artifacts", "container", $"{Slug}-test.tar"));

        // A new tool nobody approved: the verify step (and so the script) fails with exit code 1.
        var tools = Path.Combine(directory, "Tools", "IssueTools.cs");
        var source = await File.ReadAllTextAsync(tools);
        var lastBrace = source.LastIndexOf('}');
        await File.WriteAllTextAsync(tools, source[..lastBrace] + """

                /// <summary>Counts issues with a label.</summary>
                /// <param name="label">The label to count.</param>
                [McpTool(Access = ToolAccess.Read)]
                public int CountIssues(string label) => store.All.Count(i => i.Labels.Contains(label));
            }

            """);
        await RunAsync(directory, environment, "bash", "eng/ci.sh", "build");
        var verify = await ChildProcess.RunAsync("bash", ["eng/ci.sh", "verify"], directory, environment, ScriptTimeout);
        Assert.True(verify.ExitCode == 1, $"verify should exit 1 (needs approval), got {verify.ExitCode}:\n{verify.Output}");
        Assert.Contains("count_issues", verify.Output);
    }

    private static void AssertStepsInOrder(string output, params string[] steps)
    {
        var position = 0;
        foreach (var step in steps)
        {
            var found = output.IndexOf(step, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"eng/ci.sh printed no '{step}' after position {position}:\n{output}");
            position = found + step.Length;
        }
    }

    /// <summary>A docker-load archive: manifest.json naming the image, the base image's layer and the app's.</summary>
    private static void AssertContainerArchive(string archive)
    {
        Assert.True(File.Exists(archive), $"no container archive at {archive}");
        using var stream = File.OpenRead(archive);
        using var reader = new TarReader(stream);
        var files = new Dictionary<string, byte[]>();
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not null)
            {
                using var copy = new MemoryStream();
                entry.DataStream.CopyTo(copy);
                files[entry.Name] = copy.ToArray();
            }
        }

        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        var image = Assert.Single(manifest.RootElement.EnumerateArray());
        Assert.Equal([$"{Slug}:test"], image.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        var layers = image.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Equal(2, layers.Count);
        Assert.All(layers, layer => Assert.True(files.ContainsKey(layer), $"the archive lacks {layer}"));
        Assert.Contains(LayerEntries(files[layers[0]]), name => name == LoopbackContainerRegistry.MarkerFile);
        Assert.Contains(LayerEntries(files[layers[1]]), name => name.EndsWith($"{ProjectName}.dll", StringComparison.Ordinal));
    }

    /// <summary>The file names in a layer, gzipped (as the registry served it) or plain.</summary>
    private static List<string> LayerEntries(byte[] layer)
    {
        Stream content = new MemoryStream(layer);
        if (layer is [0x1f, 0x8b, ..])
        {
            content = new System.IO.Compression.GZipStream(content, System.IO.Compression.CompressionMode.Decompress);
        }

        using var reader = new TarReader(content);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
        }

        return names;
    }

    private static async Task<CommandResult> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, string fileName, params string[] arguments) =>
        (await ChildProcess.RunAsync(fileName, arguments, directory, environment, ScriptTimeout)).EnsureSuccess();
}

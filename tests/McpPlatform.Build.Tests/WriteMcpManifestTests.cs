using System.Text;
using Microsoft.Build.Framework;

namespace McpPlatform.Build.Tests;

/// <summary>
/// WriteMcpManifest reads [assembly: AssemblyMetadata("McpPlatform.Manifest", json)] from a real compiled
/// assembly and writes mcp-manifest.json, only when the bytes change.
/// </summary>
public sealed class WriteMcpManifestTests : IDisposable
{
    private const string Manifest = "{\n  \"manifestVersion\": 1,\n  \"server\": { \"name\": \"Acme.Jira\", \"version\": \"1.0.0\" }\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-build-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    private string ManifestPath => Path.Combine(_folder, "mcp-manifest.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writes_the_embedded_manifest_as_utf8_without_bom()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest));

        var task = Run(assembly);

        Assert.True(task.ManifestChanged);
        Assert.Empty(_engine.Errors);
        Assert.Equal(Encoding.UTF8.GetBytes(Manifest), File.ReadAllBytes(ManifestPath));
    }

    [Fact]
    public void Non_ascii_text_round_trips_byte_for_byte()
    {
        const string Text = "{\n  \"description\": \"Crée un ticket — 🎫 \\u0001\"\n}\n";
        var assembly = Compile(("McpPlatform.Manifest", Text));

        Run(assembly);

        Assert.Equal(new UTF8Encoding(false).GetBytes(Text), File.ReadAllBytes(ManifestPath));
    }

    [Fact]
    public void Unchanged_manifest_is_not_rewritten()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest));
        Run(assembly);
        var earlier = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(ManifestPath, earlier);

        var second = Run(assembly);

        Assert.False(second.ManifestChanged);
        Assert.Equal(earlier, File.GetLastWriteTimeUtc(ManifestPath));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Changed_manifest_replaces_the_file()
    {
        File.WriteAllText(ManifestPath, "{ \"stale\": true }\n");
        var assembly = Compile(("McpPlatform.Manifest", Manifest));

        var task = Run(assembly);

        Assert.True(task.ManifestChanged);
        Assert.Equal(Manifest, File.ReadAllText(ManifestPath));
        Assert.Single(Directory.GetFiles(_folder, "mcp-manifest.json*"));
    }

    [Fact]
    public void A_final_newline_is_added_when_the_embedded_json_has_none()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest.TrimEnd('\n')));

        Run(assembly);

        Assert.Equal(Manifest, File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void Missing_folders_of_the_manifest_path_are_created()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest));
        var nested = Path.Combine(_folder, "governance", "current", "mcp-manifest.json");

        Run(assembly, nested);

        Assert.Equal(Manifest, File.ReadAllText(nested));
    }

    [Fact]
    public void Assembly_without_the_attribute_writes_nothing_and_says_so_quietly()
    {
        var assembly = Compile(("SomethingElse", "value"), ("McpPlatform.Manifest.Extra", "not the manifest"));

        var task = Run(assembly);

        Assert.False(task.ManifestChanged);
        Assert.False(File.Exists(ManifestPath));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        var message = Assert.Single(_engine.Messages);
        Assert.Equal(MessageImportance.Low, message.Importance);
        Assert.Contains("No governance manifest", message.Message);
    }

    [Fact]
    public void Other_metadata_around_the_manifest_is_ignored()
    {
        var assembly = Compile(("RepositoryUrl", "https://example.com/repo"), ("McpPlatform.Manifest", Manifest), ("Build", "42"));

        Run(assembly);

        Assert.Equal(Manifest, File.ReadAllText(ManifestPath));
    }

    [Fact]
    public void Missing_assembly_is_error_MCPB001()
    {
        var task = Run(Path.Combine(_folder, "obj", "Server.dll"), expectSuccess: false);

        Assert.False(task.ManifestChanged);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MCPB001", error.Code);
        Assert.Contains("Server.dll", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_error_MCPB002()
    {
        var notAnAssembly = Path.Combine(_folder, "Server.dll");
        File.WriteAllText(notAnAssembly, "MZ but not really a PE file");

        Run(notAnAssembly, expectSuccess: false);

        Assert.Equal("MCPB002", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public void Two_manifest_attributes_are_error_MCPB003()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest), ("McpPlatform.Manifest", "{}"));

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MCPB003", error.Code);
        Assert.Contains("2 AssemblyMetadata attributes", error.Message);
        Assert.False(File.Exists(ManifestPath));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    public void Empty_manifest_value_is_error_MCPB004(string? value)
    {
        var assembly = Compile(("McpPlatform.Manifest", value));

        Run(assembly, expectSuccess: false);

        Assert.Equal("MCPB004", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public void Unwritable_manifest_path_is_error_MCPB005_naming_the_property()
    {
        var assembly = Compile(("McpPlatform.Manifest", Manifest));
        Directory.CreateDirectory(ManifestPath);

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MCPB005", error.Code);
        Assert.Contains("McpPlatformManifestPath", error.Message);
    }

    private string Compile(params (string Key, string? Value)[] metadata) =>
        CompiledAssembly.Write(Path.Combine(_folder, $"Server{Guid.NewGuid():N}.dll"), CompiledAssembly.WithMetadata(metadata));

    private WriteMcpManifest Run(string assemblyPath, string? manifestPath = null, bool expectSuccess = true)
    {
        _engine.Messages.Clear();
        var task = new WriteMcpManifest { BuildEngine = _engine, AssemblyPath = assemblyPath, ManifestPath = manifestPath ?? ManifestPath };
        Assert.Equal(expectSuccess, task.Execute());
        return task;
    }
}

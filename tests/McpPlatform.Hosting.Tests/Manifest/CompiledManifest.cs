using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;
using McpPlatform.Hosting.Tests.Samples;

namespace McpPlatform.Hosting.Tests.Manifest;

/// <summary>
/// The governance manifest the generator compiled into this test assembly (the sample tools), and approved
/// copies of it — as reviewed, or as approved before the tool surface changed.
/// </summary>
internal static class CompiledManifest
{
    /// <summary>The manifest JSON from <c>[assembly: AssemblyMetadata("McpPlatform.Manifest", …)]</c>.</summary>
    public static string Json { get; } =
        typeof(SampleTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == ManifestFiles.AssemblyMetadataKey)?.Value
        ?? throw new InvalidOperationException("The McpPlatform generator embedded no manifest in the test assembly.");

    public static ManifestDocument Document { get; } = ManifestDocument.Parse(Json, "compiled manifest");

    /// <summary>Writes an approval of the compiled manifest, as <c>mcp-platform manifest approve</c> would.</summary>
    public static void WriteApproved(string path) => Approve(Document).Write(path);

    /// <summary>
    /// Writes an approval of an earlier tool surface: <paramref name="change"/> edits the compiled manifest and the
    /// hash is recomputed, so the file is a valid approval of a different manifest.
    /// </summary>
    public static void WriteApprovedEarlierVersion(string path, Action<JsonObject> change)
    {
        var manifest = JsonNode.Parse(Json)!.AsObject();
        change(manifest);
        manifest["hash"] = ManifestDocument.ComputeHash(JsonSerializer.SerializeToElement(manifest));
        Approve(ManifestDocument.Parse(manifest.ToJsonString(), "earlier manifest")).Write(path);
    }

    /// <summary>The tool object named <paramref name="name"/> in a manifest being edited.</summary>
    public static JsonObject Tool(JsonObject manifest, string name) =>
        manifest["tools"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["name"] == name);

    private static ApprovedManifest Approve(ManifestDocument manifest) =>
        ApprovedManifest.Create(manifest, "reviewer@example.com", new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));
}

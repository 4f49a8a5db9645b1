using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// Turns a governance manifest into the tool definitions the server would publish, through the same
/// <see cref="ProtocolTools"/> code the server uses (a linked file), so the offline count matches the wire.
/// </summary>
internal static class ManifestToolList
{
    /// <summary>The native and Code Mode surfaces of the server <paramref name="manifest"/> describes.</summary>
    public static ToolSurfaces Surfaces(ManifestDocument manifest, string source)
    {
        var native = manifest.Tools.Select(t => ProtocolTools.From(Descriptor(t))).ToList();
        var notes = new List<string>
        {
            // The manifest has no idempotent/openWorld hints; the server adds them where the author declared them.
            "Counted from the manifest: idempotentHint and openWorldHint annotations are not in it, so a live server's list can be a few tokens longer per tool.",
        };
        if (!manifest.CodeMode.Enabled)
        {
            notes.Add("Code Mode is disabled for this server (McpPlatform:CodeMode:Enabled=false): clients cannot select the Code Mode surface.");
        }

        return new ToolSurfaces(source, $"{manifest.Server.Name} {manifest.Server.Version}", native, CodeModeSurface.Tools, notes);
    }

    private static McpToolDescriptor Descriptor(ManifestTool tool) => new()
    {
        Name = tool.Name,
        Title = tool.Title,
        Description = tool.Description,
        Access = tool.Access,
        ToolSet = tool.ToolSet ?? string.Empty,
        InputSchema = tool.InputSchema.GetRawText(),
        OutputSchema = tool.OutputSchema?.GetRawText(),
        CodeModeName = tool.CodeMode.Name,
    };
}

using System.Text.Json;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Manifest;

/// <summary>
/// One tool as an upstream lists it right now, with what the portal makes of it: the name and description it is offered
/// under, the access class proposed for it, and the fingerprint of its definition (<see cref="UpstreamDefinition.Hash"/>)
/// that the approved manifest pins.
/// </summary>
internal sealed class LiveUpstreamTool
{
    private LiveUpstreamTool(string @namespace, Tool tool, UpstreamOptions options)
    {
        Namespace = @namespace;
        Tool = tool;
        Annotations = tool.Annotations is null
            ? null
            : JsonSerializer.SerializeToElement(tool.Annotations, McpJsonUtilities.DefaultOptions);
        DefinitionHash = UpstreamDefinition.Hash(tool.Name, tool.Description, tool.InputSchema, tool.OutputSchema, Annotations);
        OfferedName = UpstreamToolNames.Offered(@namespace, tool.Name, options);
        OfferedDescription = options.Descriptions.TryGetValue(tool.Name, out var overridden) ? overridden : tool.Description ?? string.Empty;
        Access = ProposedAccess(tool, options);
    }

    /// <summary>The upstream's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The tool as the upstream sent it.</summary>
    public Tool Tool { get; }

    /// <summary>The upstream's own name for it.</summary>
    public string UpstreamName => Tool.Name;

    /// <summary>The upstream's annotations as JSON, as hashed.</summary>
    public JsonElement? Annotations { get; }

    /// <summary>The fingerprint of the upstream's definition.</summary>
    public string DefinitionHash { get; }

    /// <summary>The portal's name for it: <c>{namespace}_{tool}</c>, or <c>{namespace}_{alias}</c>.</summary>
    public string OfferedName { get; }

    /// <summary>The description the portal offers: the configured override, else the upstream's.</summary>
    public string OfferedDescription { get; }

    /// <summary>
    /// The access class proposed to the reviewer: <c>UpstreamOptions.Access</c> when configured, else from the annotations
    /// (readOnlyHint: Read; destructiveHint: Destructive; otherwise Write, so an unannotated tool is never a read by default).
    /// </summary>
    public ToolAccess Access { get; }

    /// <summary>Reads what the upstream listed; a tool with an unusable name is left out by the caller.</summary>
    public static LiveUpstreamTool From(string @namespace, Tool tool, UpstreamOptions options) => new(@namespace, tool, options);

    private static ToolAccess ProposedAccess(Tool tool, UpstreamOptions options)
    {
        if (options.Access.TryGetValue(tool.Name, out var configured) && Enum.TryParse<ToolAccess>(configured, ignoreCase: true, out var access)
            && access != ToolAccess.Unspecified)
        {
            return access;
        }

        if (tool.Annotations?.ReadOnlyHint == true)
        {
            return ToolAccess.Read;
        }

        // Only a declared destructiveHint proposes Destructive; the rest is Write, which policy denies until a rule grants it.
        return tool.Annotations?.DestructiveHint == true ? ToolAccess.Destructive : ToolAccess.Write;
    }
}

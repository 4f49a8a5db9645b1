using System.Text.Json;
using McpPlatform.Governance.Manifest;
using McpPlatform.Portal.Manifest;

namespace McpPlatform.Portal.Quarantine;

/// <summary>Names what changed in an upstream tool's definition since approval, as precisely as the approved entry allows.</summary>
internal static class UpstreamChanges
{
    /// <summary>E.g. "description changed since approval", "input schema and annotations changed since approval".</summary>
    public static string Describe(ApprovedUpstreamTool approved, LiveUpstreamTool now)
    {
        var changed = new List<string>();

        // With a configured description the approved entry holds the override, so the upstream's own text is not at hand.
        var overridden = now.OfferedDescription != (now.Tool.Description ?? string.Empty);
        if (!overridden && approved.Tool.Description != now.OfferedDescription)
        {
            changed.Add("description");
        }

        if (now.Tool.InputSchema.ValueKind == JsonValueKind.Object && CanonicalJson.Sha256(now.Tool.InputSchema) != approved.Tool.InputSchemaHash)
        {
            changed.Add("input schema");
        }

        var output = now.Tool.OutputSchema is { ValueKind: JsonValueKind.Object } schema ? CanonicalJson.Sha256(schema) : null;
        var approvedOutput = approved.Tool.OutputSchema is { } pinned ? CanonicalJson.Sha256(pinned) : null;
        if (output != approvedOutput)
        {
            changed.Add("output schema");
        }

        return changed.Count == 0
            ? "its definition (title, annotations, or the upstream's own description) changed since approval"
            : string.Join(" and ", changed) + " changed since approval";
    }
}

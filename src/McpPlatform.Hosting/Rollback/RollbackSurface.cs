using System.Text.Json;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Rollback;

/// <summary>
/// The <c>rollback</c> tool, offered beside the catalog's tools (and beside <c>search</c> and <c>execute</c>) only when
/// some tool declares an inverse and no catalog tool is itself named <c>rollback</c>.
/// </summary>
internal sealed class RollbackSurface(McpToolCatalog catalog)
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "rollback";

    private const string Description =
        "Undo what one execution did. executionId is the _meta mcpplatform/executionId of an execute result or of a direct call of a tool that can be undone. "
        + "The calls are undone last first, each by its inverse tool under the same rules as any call; it stops at the first failure and reports what was and was not undone. "
        + "Calls of tools without an inverse are listed as not revertible.";

    /// <summary>Whether this server offers <c>rollback</c>.</summary>
    public bool IsOffered { get; } = catalog.Tools.Any(t => t.Descriptor.Revert is not null) && !catalog.TryGet(ToolName, out _);

    /// <summary>The tool definition, as tools/list returns it.</summary>
    public static Tool Tool { get; } = Create();

    /// <summary>Whether a call of <paramref name="name"/> is a call of <c>rollback</c> on this server.</summary>
    public bool Handles(string? name) => IsOffered && name == ToolName;

    private static Tool Create()
    {
        using var schema = JsonDocument.Parse(
            """{"type":"object","properties":{"executionId":{"type":"string","description":"The execution to undo (exec_...)."}},"required":["executionId"]}""");
        return new Tool
        {
            Name = ToolName,
            Description = Description,
            InputSchema = schema.RootElement.Clone(),
            Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true, OpenWorldHint = false },
        };
    }
}

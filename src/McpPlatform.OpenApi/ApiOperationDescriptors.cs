using System.Text.Json.Nodes;
using McpPlatform.Governance.Tools;

namespace McpPlatform.OpenApi;

/// <summary>
/// Maps an operation onto the governance core's <see cref="McpToolDescriptor"/>, so the gate, policy, data rules,
/// audit and manifest treat it like any other tool. Not used by a server yet (docs/openapi.md).
/// </summary>
public static class ApiOperationDescriptors
{
    /// <summary>The descriptor of <paramref name="operation"/>, listed under <paramref name="toolSet"/> (e.g. the document's namespace).</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="toolSet">The tool set the operation belongs to.</param>
    public static McpToolDescriptor ToDescriptor(this ApiOperation operation, string toolSet) => new()
    {
        Name = operation.Name,
        Description = operation.Description,
        Access = operation.Access,
        ToolSet = toolSet,
        InputSchema = operation.InputSchema,
        ArgumentNames = operation.Parameters.Select(p => p.Argument).ToList(),
        OutputSchema = ObjectSchemaOnly(operation.OutputSchema),
        // HTTP defines GET, HEAD, PUT and DELETE as idempotent (RFC 9110 §9.2.2); POST and PATCH are not.
        Idempotent = operation.Method is "GET" or "HEAD" or "OPTIONS" or "TRACE" or "PUT" or "DELETE",
        // The API is a system outside this server: its results depend on more than the arguments.
        OpenWorld = true,
        Origin = ToolOrigin.OpenApi,
    };

    // MCP publishes an output schema only for object results (structuredContent is an object); an array or a
    // scalar response stays undeclared rather than published as a schema clients would reject.
    private static string? ObjectSchemaOnly(string? schema) =>
        schema is not null && JsonNode.Parse(schema) is JsonObject obj && obj["type"] is JsonValue type
            && type.TryGetValue<string>(out var name) && name == "object"
            ? schema
            : null;
}

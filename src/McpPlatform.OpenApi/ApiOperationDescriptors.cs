using System.Text.Json.Nodes;
using McpPlatform.Governance.Tools;

namespace McpPlatform.OpenApi;

/// <summary>
/// Maps an operation onto the governance core's <see cref="McpToolDescriptor"/>, so the gate, policy, data rules,
/// audit and manifest treat it like any other tool. Not used by a server yet (docs/openapi.md).
/// </summary>
public static class ApiOperationDescriptors
{
    /// <summary>
    /// The descriptor of <paramref name="operation"/> from the document declared under <paramref name="apiNamespace"/>:
    /// the tool is named <c>{namespace}_{operation}</c> (<c>petstore_get_pet_by_id</c>), so several documents can sit
    /// in one server and policy patterns such as <c>petstore_*</c> cover one API, and it is listed in the tool set of
    /// that namespace.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="apiNamespace">The namespace the document is declared under (<c>[a-z0-9_]</c>).</param>
    public static McpToolDescriptor ToDescriptor(this ApiOperation operation, string apiNamespace)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var name = $"{apiNamespace}_{operation.Name}";
        // Names are [a-z0-9_]: a JavaScript identifier unless the namespace starts with a digit.
        var codeModeName = char.IsAsciiDigit(name[0]) ? "_" + name : name;
        return new()
        {
            Name = name,
            Description = operation.Description,
            Access = operation.Access,
            ToolSet = apiNamespace,
            InputSchema = operation.InputSchema,
            ArgumentNames = operation.Parameters.Select(p => p.Argument).ToList(),
            OutputSchema = ObjectSchemaOnly(operation.OutputSchema),
            // HTTP defines GET, HEAD, PUT and DELETE as idempotent (RFC 9110 §9.2.2); POST and PATCH are not.
            Idempotent = operation.Method is "GET" or "HEAD" or "OPTIONS" or "TRACE" or "PUT" or "DELETE",
            // The API is a system outside this server: its results depend on more than the arguments.
            OpenWorld = true,
            // The gate refuses a token without these even where a policy rule grants the tool (McpToolDescriptor.Scopes).
            Scopes = operation.Scopes,
            Origin = ToolOrigin.OpenApi,
            Http = new ToolHttpOperation(operation.Method, operation.Path, operation.Tags, operation.OperationId),
            CodeModeName = codeModeName,
            TypeScript = OperationTypeScript.Declaration(operation, codeModeName),
        };
    }

    // MCP publishes an output schema only for object results (structuredContent is an object); an array or a
    // scalar response stays undeclared rather than published as a schema clients would reject.
    private static string? ObjectSchemaOnly(string? schema) =>
        schema is not null && JsonNode.Parse(schema) is JsonObject obj && obj["type"] is JsonValue type
            && type.TryGetValue<string>(out var name) && name == "object"
            ? schema
            : null;
}

namespace McpPlatform.OpenApi;

/// <summary>
/// One operation of an OpenAPI document as a governed operation: everything the platform needs to list, govern
/// and (later) call it. Schemas are self-contained JSON Schema 2020-12 text: every <c>$ref</c> is inlined and a
/// recursive reference is cut (see <see cref="OpenApiSchemas.CycleMarker"/>).
/// </summary>
public sealed record ApiOperation
{
    /// <summary>The tool name: the operationId in snake_case over <c>[a-z0-9_]</c>, or one made from method and path; unique in the document.</summary>
    public required string Name { get; init; }

    /// <summary>The operationId as written in the document; null when it has none.</summary>
    public string? OperationId { get; init; }

    /// <summary>Summary and description, capped at <see cref="OpenApiOperationCatalog.MaxDescriptionLength"/> characters.</summary>
    public required string Description { get; init; }

    /// <summary>The HTTP method, upper case (<c>GET</c>).</summary>
    public required string Method { get; init; }

    /// <summary>The path template as written in the document (<c>/pets/{petId}</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The operation's tags, in document order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The access class: from the HTTP method unless an override names the operation or one of its tags.</summary>
    public required ToolAccess Access { get; init; }

    /// <summary>
    /// The OAuth scopes the operation's security requirements (oauth2, openIdConnect) demand in every alternative,
    /// sorted; empty when the operation needs none or an alternative needs none.
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The arguments and where each goes in the request, in input-schema order.</summary>
    public IReadOnlyList<ApiParameter> Parameters { get; init; } = [];

    /// <summary>The JSON Schema of the arguments object: path, query and header parameters, and the request body as <c>body</c>.</summary>
    public required string InputSchema { get; init; }

    /// <summary>The JSON Schema of the first 2xx response with a JSON body; null when there is none.</summary>
    public string? OutputSchema { get; init; }

    /// <summary>The JSON pointer of the operation in the document (<c>#/paths/~1pets/get</c>), for diagnostics.</summary>
    public required string Pointer { get; init; }
}

namespace McpPlatform.OpenApi;

/// <summary>
/// One thing wrong with an OpenAPI document: the file, the JSON pointer into it (e.g.
/// <c>#/paths/~1pets/get/responses</c>) and what is wrong. The build turns each into a diagnostic whose code
/// follows <see cref="Kind"/>.
/// </summary>
/// <param name="File">The document's path as it was given.</param>
/// <param name="Pointer">Where in the document; <c>#</c> when the problem is the whole document.</param>
/// <param name="Message">What is wrong, for the person who maintains the document.</param>
/// <param name="Kind">What sort of problem it is.</param>
public sealed record OpenApiProblem(string File, string Pointer, string Message, OpenApiProblemKind Kind = OpenApiProblemKind.Invalid)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}: {Pointer}: {Message}";
}

/// <summary>The sorts of <see cref="OpenApiProblem"/>; each becomes its own build error code (docs/openapi.md).</summary>
public enum OpenApiProblemKind
{
    /// <summary>The reader found the document invalid at the pointer (a wrong type, a missing required member ...).</summary>
    Invalid,

    /// <summary>The file does not exist.</summary>
    FileMissing,

    /// <summary>The file name does not end in .json, .yaml or .yml.</summary>
    UnsupportedExtension,

    /// <summary>The text is not JSON or YAML at all.</summary>
    Unreadable,

    /// <summary>Swagger 2.0 or another version than OpenAPI 3.0/3.1.</summary>
    UnsupportedVersion,

    /// <summary>A <c>$ref</c> to a schema that does not exist.</summary>
    UnresolvedReference,

    /// <summary>A <c>$ref</c> to anything but <c>#/components/schemas/…</c> (another file, another section).</summary>
    UnsupportedReference,

    /// <summary>A parameter with neither a schema nor JSON content.</summary>
    ParameterWithoutSchema,
}

namespace McpPlatform.OpenApi;

/// <summary>
/// One thing wrong with an OpenAPI document: the file, the JSON pointer into it (e.g.
/// <c>#/paths/~1pets/get/responses</c>) and what is wrong. The build turns each into a diagnostic.
/// </summary>
/// <param name="File">The document's path as it was given.</param>
/// <param name="Pointer">Where in the document; <c>#</c> when the problem is the whole document.</param>
/// <param name="Message">What is wrong, for the person who maintains the document.</param>
public sealed record OpenApiProblem(string File, string Pointer, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}: {Pointer}: {Message}";
}

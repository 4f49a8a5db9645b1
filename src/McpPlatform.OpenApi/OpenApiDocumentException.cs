namespace McpPlatform.OpenApi;

/// <summary>
/// An OpenAPI document that cannot become operations: malformed, an unsupported version, or a reference that does
/// not resolve. <see cref="Problems"/> lists every problem found, not only the first, so one build shows them all.
/// </summary>
public sealed class OpenApiDocumentException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    /// <param name="problems">Every problem found in the document.</param>
    public OpenApiDocumentException(IReadOnlyList<OpenApiProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in document order as far as the reader reports it.</summary>
    public IReadOnlyList<OpenApiProblem> Problems { get; }

    private static string Describe(IReadOnlyList<OpenApiProblem> problems) =>
        problems.Count == 1
            ? $"The OpenAPI document cannot be used: {problems[0]}"
            : $"The OpenAPI document cannot be used ({problems.Count} problems):{Environment.NewLine}"
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}

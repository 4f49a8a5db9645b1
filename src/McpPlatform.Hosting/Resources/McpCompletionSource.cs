using McpPlatform.Governance.Resources;

namespace McpPlatform.Hosting.Resources;

/// <summary>What a completion source completes: a prompt argument or a resource-template variable.</summary>
public enum McpCompletionTargetKind
{
    /// <summary>An argument of a prompt (<c>ref/prompt</c>).</summary>
    Prompt,

    /// <summary>A variable of a resource template (<c>ref/resource</c>).</summary>
    ResourceTemplate,
}

/// <summary>
/// A generated completion method for one prompt argument or resource-template variable; the
/// generator emits <see cref="Complete"/> as a direct call of the annotated method.
/// </summary>
/// <param name="Kind">What kind of reference it completes.</param>
/// <param name="Target">The prompt name or the URI template.</param>
/// <param name="Argument">The argument or variable name.</param>
/// <param name="Complete">Returns the values for a partial value.</param>
public sealed record McpCompletionSource(
    McpCompletionTargetKind Kind,
    string Target,
    string Argument,
    Func<CompletionInvocation, CancellationToken, ValueTask<IEnumerable<string>>> Complete);

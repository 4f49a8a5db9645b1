namespace McpPlatform;

/// <summary>
/// Supplies completion values (<c>completion/complete</c>) for one argument of a prompt or one
/// variable of a resource template. Set exactly one of <see cref="Prompt"/> and
/// <see cref="ResourceTemplate"/>. The method takes the partial value as a <see cref="string"/>
/// (and optionally a <see cref="System.Threading.CancellationToken"/>) and returns
/// <c>IEnumerable&lt;string&gt;</c>, optionally wrapped in <c>Task</c> or <c>ValueTask</c>;
/// at most 100 values are sent.
/// </summary>
/// <example><code>
/// [McpCompletion("city", Prompt = "weather_report")]
/// public static IEnumerable&lt;string&gt; Cities(string value) =&gt; Known.Where(c =&gt; c.StartsWith(value));
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpCompletionAttribute : Attribute
{
    /// <summary>Creates the attribute for the named prompt argument or template variable.</summary>
    /// <param name="argument">The prompt argument or URI template variable completed.</param>
    public McpCompletionAttribute(string argument) => Argument = argument;

    /// <summary>The prompt argument or URI template variable completed.</summary>
    public string Argument { get; }

    /// <summary>The name of the prompt whose argument is completed.</summary>
    public string? Prompt { get; set; }

    /// <summary>The URI template (exactly as in its <see cref="McpResourceAttribute"/>) whose variable is completed.</summary>
    public string? ResourceTemplate { get; set; }
}

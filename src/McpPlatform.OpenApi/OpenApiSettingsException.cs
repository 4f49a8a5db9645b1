namespace McpPlatform.OpenApi;

/// <summary>OpenAPI settings that cannot be used (an access class that is not one, a settings file that is not JSON).</summary>
public sealed class OpenApiSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The settings file or "configuration".</param>
    /// <param name="problem">What is wrong, naming the key.</param>
    public OpenApiSettingsException(string source, string problem)
        : base($"{source}: {problem}.")
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The settings file or "configuration".</summary>
    public new string Source { get; }

    /// <summary>What is wrong, naming the key.</summary>
    public string Problem { get; }
}

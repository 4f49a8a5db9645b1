namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// <c>McpPlatform:OpenApi</c>: how a server offers its OpenAPI operations. Up to <see cref="NativeToolLimit"/>
/// operations are listed as native tools beside the generated ones; past it a plain connection sees the generated
/// tools plus <c>search</c> and <c>execute</c>, and reaches the operations through those (docs/openapi.md).
/// </summary>
public sealed class OperationSurfaceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "McpPlatform:OpenApi";

    /// <summary>The most OpenAPI operations listed as native tools; 0 offers them only through Code Mode.</summary>
    public int NativeToolLimit { get; set; } = 64;
}

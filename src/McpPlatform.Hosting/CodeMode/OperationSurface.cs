using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Whether this server's OpenAPI operations are listed natively or offered through Code Mode on a plain connection,
/// decided once from the catalog and <see cref="OperationSurfaceOptions"/>: a tool list of 2,500 operations costs
/// over a million tokens (the source document's measure), two Code Mode tools a few hundred. Generated and upstream
/// tools are not affected, and a <c>?codemode=search_and_execute</c> connection sees only search and execute anyway.
/// </summary>
public sealed class OperationSurface
{
    /// <summary>Decides for <paramref name="catalog"/>.</summary>
    public OperationSurface(McpToolCatalog catalog, OperationSurfaceOptions options, CodeModeOptions codeMode)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(codeMode);
        Operations = catalog.Tools.Count(t => IsOperation(t.Descriptor));
        NativeToolLimit = options.NativeToolLimit;
        // With Code Mode turned off there is no other way to reach them: they stay in the list.
        ThroughCodeMode = codeMode.Enabled && Operations > NativeToolLimit;
    }

    /// <summary>How many of the catalog's tools are OpenAPI operations.</summary>
    public int Operations { get; }

    /// <summary>The configured limit.</summary>
    public int NativeToolLimit { get; }

    /// <summary>True when a plain connection lists search and execute instead of the operations.</summary>
    public bool ThroughCodeMode { get; }

    /// <summary>Whether <paramref name="descriptor"/> is an OpenAPI operation.</summary>
    public static bool IsOperation(McpToolDescriptor descriptor) => descriptor.Origin == ToolOrigin.OpenApi;

    /// <summary>Whether a plain connection's tool list leaves out <paramref name="descriptor"/> (search and execute reach it).</summary>
    public bool Hides(McpToolDescriptor descriptor) => ThroughCodeMode && IsOperation(descriptor);
}

using System.Text;

namespace McpPlatform.Cli.Tokens;

/// <summary>The token counts of one encoding.</summary>
/// <param name="Encoding">The encoding name, e.g. o200k_base.</param>
/// <param name="Native">Tokens of the native tools/list result.</param>
/// <param name="CodeMode">Tokens of the Code Mode tools/list result.</param>
public sealed record EncodingCount(string Encoding, int Native, int CodeMode)
{
    /// <summary>How much smaller the Code Mode surface is, as a percentage of the native list (0 when the list is empty).</summary>
    public double ReductionPercent => Native == 0 ? 0 : Math.Round(100.0 * (Native - CodeMode) / Native, 2);
}

/// <summary>What <c>mcp-platform tokens</c> measured for one server.</summary>
/// <param name="Source">Where the tools came from.</param>
/// <param name="Server">The server's name and version, when known.</param>
/// <param name="Tools">How many tools the native list has.</param>
/// <param name="CodeModeTools">The names of the tools the Code Mode list has.</param>
/// <param name="NativeBytes">The UTF-8 size of the native tools/list result.</param>
/// <param name="CodeModeBytes">The UTF-8 size of the Code Mode tools/list result.</param>
/// <param name="Encodings">The counts per encoding.</param>
/// <param name="Notes">What the reader should know about the numbers.</param>
public sealed record TokenMeasurement(
    string Source,
    string? Server,
    int Tools,
    IReadOnlyList<string> CodeModeTools,
    int NativeBytes,
    int CodeModeBytes,
    IReadOnlyList<EncodingCount> Encodings,
    IReadOnlyList<string> Notes)
{
    /// <summary>Serializes both surfaces as tools/list results and counts their tokens in every encoding.</summary>
    public static TokenMeasurement Of(ToolSurfaces surfaces)
    {
        var native = ToolListJson.Serialize(surfaces.Native);
        var codeMode = ToolListJson.Serialize(surfaces.CodeMode);
        var counts = TokenEncodings.All
            .Select(e => new EncodingCount(e, TokenEncodings.Count(e, native), TokenEncodings.Count(e, codeMode)))
            .ToList();
        return new TokenMeasurement(
            surfaces.Source,
            surfaces.Server,
            surfaces.Native.Count,
            surfaces.CodeMode.Select(t => t.Name).ToList(),
            Encoding.UTF8.GetByteCount(native),
            Encoding.UTF8.GetByteCount(codeMode),
            counts,
            surfaces.Notes);
    }
}

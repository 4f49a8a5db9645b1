using System.Text.Json;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The text result of a tool whose descriptor says it is a JSON literal
/// (<see cref="McpToolDescriptor.TextResultIsJson"/>), read back as the number or boolean it
/// spells, so a script gets <c>5</c> and <c>false</c> rather than <c>"5"</c> and a truthy <c>"false"</c>.
/// </summary>
internal static class ScalarText
{
    // Scalars are short; anything longer is not one and stays text.
    private const int MaxLength = 128;

    /// <summary>The JSON of <paramref name="text"/> when it is a number, boolean or null literal (or a non-finite number); otherwise null.</summary>
    public static string? TryAsJson(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            return null;
        }

        if (NonFinite(trimmed) is not null)
        {
            return trimmed;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            return document.RootElement.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null
                ? trimmed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The value of .NET's invariant text for a non-finite double (<c>NaN</c>, <c>Infinity</c>,
    /// <c>-Infinity</c>), which JSON cannot spell but JavaScript numbers can hold; otherwise null.
    /// </summary>
    public static double? NonFinite(string json) => json switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.Governance.Manifest;

/// <summary>Which way a <see cref="PinnedSetting"/> weakens governance, and so how its JSON value is written.</summary>
internal enum PinnedSettingKind
{
    /// <summary>A whole number; raising it is weaker.</summary>
    HigherIsWeaker,

    /// <summary>A time span ("c" format); a longer one is weaker.</summary>
    LongerIsWeaker,

    /// <summary>A time span ("c" format); a shorter one is weaker (a window or period that refills sooner).</summary>
    ShorterIsWeaker,

    /// <summary>A switch that lets more in when on.</summary>
    OnIsWeaker,

    /// <summary>One of an ordered list of names, strictest first; a later one is weaker.</summary>
    LaterIsWeaker,

    /// <summary>A name (e.g. of a secret): a change is reviewed (medium risk) but neither weaker nor stronger.</summary>
    ChangeIsReviewed,

    /// <summary>A set of names believed or accepted; an added name, or <c>*</c>, is weaker.</summary>
    AddedIsWeaker,
}

/// <summary>A pinned setting's value as the manifest writes it: <see cref="Text"/> for a scalar, <see cref="Items"/> (sorted, distinct) for a set.</summary>
internal sealed record PinnedValue(string Text, IReadOnlyList<string> Items)
{
    public static PinnedValue Scalar(string text) => new(text, []);

    public static PinnedValue Set(IEnumerable<string>? items)
    {
        string[] sorted = [.. (items ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new("[" + string.Join(", ", sorted) + "]", sorted);
    }
}

/// <summary>
/// One governance setting pinned by a single line of <see cref="PinnedSettings.All"/>: where it sits in the manifest's
/// <c>governance</c> member (<see cref="Path"/>, dot-separated), its configuration key (<see cref="Setting"/>, named in
/// refusals), which way is weaker, and how to read it from the bound options. The generator has the same line in
/// generators/McpPlatform.Generators/Manifest/PinnedSettingsTable.cs.
/// </summary>
internal sealed record PinnedSetting(string Path, string Setting, PinnedSettingKind Kind, Func<BoundGovernanceOptions, PinnedValue> Bound, string WhenWeaker)
{
    /// <summary>For <see cref="PinnedSettingKind.LaterIsWeaker"/>: the names, strictest first.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    /// <summary>The value as the manifest writes it.</summary>
    public JsonNode ToJson(PinnedValue value) => Kind switch
    {
        PinnedSettingKind.HigherIsWeaker => JsonValue.Create(long.Parse(value.Text, CultureInfo.InvariantCulture)),
        PinnedSettingKind.OnIsWeaker => JsonValue.Create(value.Text == "true"),
        PinnedSettingKind.AddedIsWeaker => new JsonArray([.. value.Items.Select(i => (JsonNode?)i)]),
        _ => JsonValue.Create(value.Text),
    };

    /// <summary>Reads the value from the manifest; null when the manifest does not record it (written by an older generator).</summary>
    /// <exception cref="FormatException">The member has the wrong type; the message names it.</exception>
    public PinnedValue? Read(JsonElement governance)
    {
        var element = governance;
        foreach (var name in Path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        try
        {
            return Kind switch
            {
                PinnedSettingKind.HigherIsWeaker => PinnedValue.Scalar(element.GetInt64().ToString(CultureInfo.InvariantCulture)),
                PinnedSettingKind.OnIsWeaker => PinnedValue.Scalar(element.GetBoolean() ? "true" : "false"),
                PinnedSettingKind.LongerIsWeaker or PinnedSettingKind.ShorterIsWeaker =>
                    PinnedValue.Scalar(EffectiveGovernance.Duration(TimeSpan.ParseExact(element.GetString()!, "c", CultureInfo.InvariantCulture))),
                PinnedSettingKind.AddedIsWeaker => PinnedValue.Set(element.EnumerateArray().Select(i => i.GetString()!)),
                _ => PinnedValue.Scalar(element.GetString()!),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw new FormatException($"'{Path}' is not a {Kind switch
            {
                PinnedSettingKind.HigherIsWeaker => "whole number",
                PinnedSettingKind.OnIsWeaker => "boolean",
                PinnedSettingKind.LongerIsWeaker or PinnedSettingKind.ShorterIsWeaker => "time span",
                PinnedSettingKind.AddedIsWeaker => "array of strings",
                _ => "string",
            }}", e);
        }
    }
}

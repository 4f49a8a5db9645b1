using System.Globalization;

namespace McpPlatform.Governance.Manifest;

/// <summary>Compares the <see cref="PinnedSettings"/> of two governance sections, each by its <see cref="PinnedSettingKind"/>.</summary>
internal static class PinnedSettingComparison
{
    /// <summary>The wildcard of a set (e.g. <c>TokenTypes</c>): everything is accepted.</summary>
    private const string Everything = "*";

    public static void Compare(IReadOnlyDictionary<string, PinnedValue> approved, IReadOnlyDictionary<string, PinnedValue> effective, List<GovernanceDifference> differences)
    {
        foreach (var setting in PinnedSettings.All)
        {
            approved.TryGetValue(setting.Path, out var before);
            effective.TryGetValue(setting.Path, out var after);
            if (before is null || after is null)
            {
                // A manifest from a generator that did not pin the setting yet: review, but nothing to compare with.
                if (before is not null || after is not null)
                {
                    differences.Add(new(setting.Setting, before?.Text ?? "(not recorded)", after?.Text ?? "(not recorded)", GovernanceDirection.Changed,
                        before is null ? "recorded for the first time" : "no longer recorded"));
                }

                continue;
            }

            if (before.Text == after.Text)
            {
                continue;
            }

            var weaker = IsWeaker(setting, before, after);
            differences.Add(new(setting.Setting, before.Text, after.Text, weaker switch
            {
                true => GovernanceDirection.Weaker,
                false => GovernanceDirection.Stronger,
                null => GovernanceDirection.Changed,
            }, weaker switch
            {
                true => setting.WhenWeaker,
                false => "stricter than approved",
                null => setting.WhenWeaker,
            }));
        }
    }

    /// <summary>True when <paramref name="effective"/> is weaker, false when stricter, null when only changed.</summary>
    private static bool? IsWeaker(PinnedSetting setting, PinnedValue approved, PinnedValue effective) => setting.Kind switch
    {
        PinnedSettingKind.HigherIsWeaker => long.Parse(effective.Text, CultureInfo.InvariantCulture) > long.Parse(approved.Text, CultureInfo.InvariantCulture),
        PinnedSettingKind.LongerIsWeaker => Duration(effective) > Duration(approved),
        PinnedSettingKind.ShorterIsWeaker => Duration(effective) < Duration(approved),
        PinnedSettingKind.OnIsWeaker => effective.Text == "true",
        PinnedSettingKind.LaterIsWeaker => Rank(setting, effective) > Rank(setting, approved),
        PinnedSettingKind.AddedIsWeaker => Widens(approved.Items, effective.Items),
        _ => null,
    };

    // An unknown name ranks last: it is not one the approval knows to be strict.
    private static int Rank(PinnedSetting setting, PinnedValue value)
    {
        var index = setting.Order.ToList().IndexOf(value.Text);
        return index < 0 ? int.MaxValue : index;
    }

    private static bool Widens(IReadOnlyList<string> approved, IReadOnlyList<string> effective) =>
        !approved.Contains(Everything) && (effective.Contains(Everything) || effective.Except(approved, StringComparer.OrdinalIgnoreCase).Any());

    private static TimeSpan Duration(PinnedValue value) => TimeSpan.ParseExact(value.Text, "c", CultureInfo.InvariantCulture);
}

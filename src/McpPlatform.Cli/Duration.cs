using System.Globalization;
using System.Text.RegularExpressions;

namespace McpPlatform.Cli;

/// <summary>
/// Durations on the command line: units (<c>90s</c>, <c>30m</c>, <c>1h</c>, <c>1h30m</c>, <c>1d</c>)
/// or a time span with colons (<c>01:00:00</c>, <c>1.00:00:00</c>). A bare number is refused:
/// it has no obvious unit.
/// </summary>
internal static partial class Duration
{
    /// <summary>Examples for error and help text.</summary>
    public const string Examples = "30m, 1h, 1h30m, 90s or 01:00:00";

    /// <summary>Reads <paramref name="text"/> as a duration; false when it is neither form.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var units = UnitsPattern().Match(text);
        if (units.Success && text.Length > 0)
        {
            try
            {
                duration = TimeSpan.FromDays(Part(units, "d"))
                    + TimeSpan.FromHours(Part(units, "h"))
                    + TimeSpan.FromMinutes(Part(units, "m"))
                    + TimeSpan.FromSeconds(Part(units, "s"));
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    /// <summary>Writes <paramref name="duration"/> in the unit form, e.g. <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add($"{duration.Days}d");
        }

        if (duration.Hours > 0)
        {
            parts.Add($"{duration.Hours}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{duration.Seconds}s");
        }

        return string.Concat(parts);
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}

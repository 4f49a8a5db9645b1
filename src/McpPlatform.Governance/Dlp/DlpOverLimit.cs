namespace McpPlatform.Governance.Dlp;

/// <summary>What happens to a result with more text than <see cref="DlpOptions.MaxScannedChars"/> (<see cref="DlpOptions.OverLimit"/>).</summary>
internal enum DlpOverLimit
{
    /// <summary>The result is withheld: the caller gets a tool error naming the limit and the settings.</summary>
    Block,

    /// <summary>The result is cut where the limit is reached: what was scanned is returned, the rest is left out.</summary>
    Truncate,
}

/// <summary>Reads <see cref="DlpOptions.OverLimit"/>.</summary>
internal static class DlpOverLimits
{
    /// <summary>Parses the setting ignoring case; null or blank is <see cref="DlpOverLimit.Block"/>.</summary>
    public static bool TryParse(string? value, out DlpOverLimit overLimit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            overLimit = DlpOverLimit.Block;
            return true;
        }

        return Enum.TryParse(value.Trim(), ignoreCase: true, out overLimit)
            && Enum.IsDefined(overLimit)
            && value.Trim().All(char.IsAsciiLetter);
    }
}

namespace McpPlatform.Governance.Dlp;

/// <summary>What a rule does when it matches.</summary>
internal enum DlpAction
{
    /// <summary>Replace the match with the rule's replacement.</summary>
    Redact,

    /// <summary>Refuse the call (arguments only).</summary>
    Block,

    /// <summary>Leave the match as it is.</summary>
    Allow,
}

/// <summary>Reads <see cref="DlpRule.Action"/> and <see cref="DlpRule.ResultAction"/>.</summary>
internal static class DlpActions
{
    /// <summary>Parses an action name ignoring case; null or blank is <see cref="DlpAction.Redact"/>.</summary>
    public static bool TryParse(string? value, out DlpAction action)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            action = DlpAction.Redact;
            return true;
        }

        return Enum.TryParse(value.Trim(), ignoreCase: true, out action)
            && Enum.IsDefined(action)
            && value.Trim().All(char.IsAsciiLetter);
    }
}

namespace McpPlatform.Cli;

/// <summary>A <c>name=value</c> claim given on the command line, e.g. <c>device_managed=true</c>.</summary>
internal readonly record struct ClaimAssignment(string Name, string Value)
{
    /// <summary>Splits <paramref name="text"/> at its first <c>=</c>; the name must not be empty, the value may be.</summary>
    public static bool TryParse(string text, out ClaimAssignment claim)
    {
        var separator = text.IndexOf('=');
        var name = separator > 0 ? text[..separator].Trim() : string.Empty;
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            claim = default;
            return false;
        }

        claim = new ClaimAssignment(name, text[(separator + 1)..]);
        return true;
    }
}

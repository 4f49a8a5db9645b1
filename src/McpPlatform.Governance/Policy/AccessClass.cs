namespace McpPlatform.Governance.Policy;

/// <summary>Access classes as the policy sees them: configured names, and a tool's effective class.</summary>
internal static class AccessClass
{
    /// <summary>The names <see cref="PolicyRule.Access"/> accepts, for messages.</summary>
    public const string Names = "Read, Write or Destructive";

    /// <summary>The class a tool is decided as: an unspecified class counts as Write.</summary>
    public static ToolAccess Effective(ToolAccess access) => access switch
    {
        ToolAccess.Read => ToolAccess.Read,
        ToolAccess.Destructive => ToolAccess.Destructive,
        _ => ToolAccess.Write,
    };

    /// <summary>Parses a configured class, ignoring case; numbers and <c>Unspecified</c> are refused.</summary>
    public static bool TryParse(string? value, out ToolAccess access)
    {
        access = value?.Trim().ToLowerInvariant() switch
        {
            "read" => ToolAccess.Read,
            "write" => ToolAccess.Write,
            "destructive" => ToolAccess.Destructive,
            _ => ToolAccess.Unspecified,
        };
        return access != ToolAccess.Unspecified;
    }
}

namespace McpPlatform;

/// <summary>
/// What a tool does to the system it fronts. Governance decides on this class:
/// reads are allowed to any authenticated caller with the read scope; writes and
/// destructive calls are denied unless a rule grants them.
/// </summary>
public enum ToolAccess
{
    /// <summary>Not declared. Treated as <see cref="Write"/> (the generator warns).</summary>
    Unspecified = 0,

    /// <summary>Reads data and changes nothing.</summary>
    Read = 1,

    /// <summary>Creates or changes data.</summary>
    Write = 2,

    /// <summary>Deletes data or does something that cannot be undone.</summary>
    Destructive = 3,
}

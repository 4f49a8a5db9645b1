namespace McpPlatform;

/// <summary>
/// Marks a class that holds <see cref="McpToolAttribute"/> methods. The tool-set name groups
/// tools for governance (policy rules and the manifest refer to it).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class McpToolSetAttribute : Attribute
{
    /// <summary>Creates the attribute; the tool-set name defaults to the class name.</summary>
    public McpToolSetAttribute()
    {
    }

    /// <summary>Creates the attribute with an explicit tool-set name.</summary>
    public McpToolSetAttribute(string name) => Name = name;

    /// <summary>The tool-set name; the class name when not given.</summary>
    public string? Name { get; }

    /// <summary>What the tools in this set are for.</summary>
    public string? Description { get; set; }
}

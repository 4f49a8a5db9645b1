namespace McpPlatform.Governance.Tools;

/// <summary>
/// How a resource or a prompt appears to the governance pipeline: a Read "tool" named
/// <c>&lt;prefix&gt;&lt;name&gt;</c> in its own tool set, so policy rules, data-loss rules and
/// audit records name it like any tool.
/// </summary>
internal static class GovernedReadDescriptor
{
    public static McpToolDescriptor Create(string policyPrefix, string policyToolSet, string name, string? title, string description) => new()
    {
        Name = policyPrefix + name,
        Title = title,
        Description = description,
        Access = ToolAccess.Read,
        ToolSet = policyToolSet,
        InputSchema = "{\"type\":\"object\"}",
    };
}

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>
/// The policy the governance tests run under, and callers with known outcomes: support may open
/// tickets (with mcp:write) and delete them (with mcp:destructive); auditors have a profile that
/// shows them get_ticket and nothing else; everyone with mcp:read gets the Read tools.
/// </summary>
public static class GovernedPolicy
{
    public const string SupportGroup = "support";
    public const string AuditorsGroup = "auditors";
    public const string AuditorsProfile = "auditors-profile";
    public const string TicketWriters = "ticket-writers";
    public const string TicketDeleters = "ticket-deleters";

    /// <summary>mcp:read only, no groups: the Read tools by default, nothing else.</summary>
    public static TestCaller Reader { get; } = new("rita-reader", [], [TestCaller.ReadScope]);

    /// <summary>Support with mcp:write but not mcp:destructive.</summary>
    public static TestCaller SupportWriter { get; } = new("sam-support", [SupportGroup], [TestCaller.ReadScope, TestCaller.WriteScope]);

    /// <summary>Support with every scope.</summary>
    public static TestCaller SupportAdmin { get; } =
        new("ada-admin", [SupportGroup], [TestCaller.ReadScope, TestCaller.WriteScope, TestCaller.DestructiveScope]);

    /// <summary>In the auditors profile.</summary>
    public static TestCaller Auditor { get; } = new("audrey-auditor", [AuditorsGroup], [TestCaller.ReadScope]);

    /// <summary>The configuration: the rules above and the <c>device_managed</c> claim passed through to tools.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["McpPlatform:Authentication:Claims:PassThrough:0"] = "device_managed",

        ["McpPlatform:Policy:Rules:0:Name"] = AuditorsProfile,
        ["McpPlatform:Policy:Rules:0:Groups:0"] = AuditorsGroup,
        ["McpPlatform:Policy:Rules:0:Tools:0"] = "get_ticket",
        ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
        ["McpPlatform:Policy:Rules:0:Exclusive"] = "true",

        ["McpPlatform:Policy:Rules:1:Name"] = TicketWriters,
        ["McpPlatform:Policy:Rules:1:Groups:0"] = SupportGroup,
        ["McpPlatform:Policy:Rules:1:Tools:0"] = "open_ticket",
        ["McpPlatform:Policy:Rules:1:Access:0"] = "Write",
        ["McpPlatform:Policy:Rules:1:Scopes:0"] = TestCaller.WriteScope,

        ["McpPlatform:Policy:Rules:2:Name"] = TicketDeleters,
        ["McpPlatform:Policy:Rules:2:Groups:0"] = SupportGroup,
        ["McpPlatform:Policy:Rules:2:Tools:0"] = "delete_ticket",
        ["McpPlatform:Policy:Rules:2:Access:0"] = "Destructive",
        ["McpPlatform:Policy:Rules:2:Scopes:0"] = TestCaller.DestructiveScope,
    };
}

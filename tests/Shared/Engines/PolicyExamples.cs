using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Testing;

/// <summary>
/// A small server's tools (billing, issues, ops) and the policy examples the tests decide on:
/// a finance portal profile, an engineering write grant on managed devices, and SRE break-glass.
/// </summary>
internal static class PolicyExamples
{
    public const string ExampleJson = """
        {
          "McpPlatform": {
            "Policy": {
              "Rules": [
                {
                  "Name": "finance-portal",
                  "Description": "Finance sees the billing read tools and nothing else.",
                  "Groups": [ "finance" ],
                  "Tools": [ "billing/*" ],
                  "Access": [ "Read" ],
                  "Exclusive": true
                },
                {
                  "Name": "engineering-write",
                  "Description": "Engineers on managed devices may file and update issues.",
                  "Groups": [ "engineering" ],
                  "Claims": { "device_managed": "true" },
                  "Tools": [ "issues/*" ],
                  "Access": [ "Read", "Write" ],
                  "Scopes": [ "mcp:write" ]
                },
                {
                  "Name": "sre-break-glass",
                  "Description": "On-call SREs may restart a service.",
                  "Groups": [ "sre" ],
                  "Tools": [ "restart_service" ],
                  "Access": [ "Destructive" ],
                  "Scopes": [ "mcp:destructive" ]
                }
              ]
            }
          }
        }
        """;

    public static ToolDescriptorSet Catalog { get; } = new(
    [
        Tool("get_invoice", "billing", ToolAccess.Read),
        Tool("list_invoices", "billing", ToolAccess.Read),
        Tool("refund_invoice", "billing", ToolAccess.Write),
        Tool("get_issue", "issues", ToolAccess.Read),
        Tool("search_issues", "issues", ToolAccess.Read),
        Tool("create_issue", "issues", ToolAccess.Write),
        Tool("delete_issue", "issues", ToolAccess.Destructive),
        Tool("service_status", "ops", ToolAccess.Read),
        Tool("restart_service", "ops", ToolAccess.Destructive),
        Tool("legacy_sync", "ops", ToolAccess.Unspecified),
    ]);

    public static string[] ReadTools { get; } = ["get_invoice", "get_issue", "list_invoices", "search_issues", "service_status"];

    public static PolicyRule FinancePortal() => new()
    {
        Name = "finance-portal",
        Groups = ["finance"],
        Tools = ["billing/*"],
        Access = ["Read"],
        Exclusive = true,
    };

    public static PolicyRule EngineeringWrite() => new()
    {
        Name = "engineering-write",
        Groups = ["engineering"],
        Claims = new() { ["device_managed"] = "true" },
        Tools = ["issues/*"],
        Access = ["Read", "Write"],
        Scopes = ["mcp:write"],
    };

    public static PolicyRule SreBreakGlass() => new()
    {
        Name = "sre-break-glass",
        Groups = ["sre"],
        Tools = ["restart_service"],
        Access = ["Destructive"],
        Scopes = ["mcp:destructive"],
    };

    public static PolicyOptions Options(params PolicyRule[] rules) => new() { Rules = [.. rules] };

    public static PolicyOptions Example() => Options(FinancePortal(), EngineeringWrite(), SreBreakGlass());

    public static PolicyDecisionPoint DecisionPoint(PolicyOptions? options = null) => new(options ?? Example(), Catalog);

    public static McpToolDescriptor Descriptor(string name) => Catalog.Single(d => d.Name == name);

    public static CallerIdentity Caller(
        string[]? scopes = null, string[]? groups = null, Dictionary<string, string>? claims = null, string subject = "alice") => new()
    {
        Subject = subject,
        Scopes = scopes ?? ["mcp:read"],
        Groups = groups ?? [],
        Claims = (claims ?? []).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)[c.Value], StringComparer.Ordinal),
    };

    public static CallerIdentity Engineer(params string[] scopes) =>
        Caller(scopes, ["engineering"], new() { ["device_managed"] = "true" });

    public static McpToolDescriptor NewDescriptor(string name, string toolSet, ToolAccess access) => new()
    {
        Name = name,
        Description = "A " + access + " tool.",
        Access = access,
        ToolSet = toolSet,
        InputSchema = """{"type":"object"}""",
    };

    public static ToolDescriptorSet CatalogOf(IEnumerable<McpToolDescriptor> tools) => new(tools);

    private static McpToolDescriptor Tool(string name, string toolSet, ToolAccess access) => NewDescriptor(name, toolSet, access);
}

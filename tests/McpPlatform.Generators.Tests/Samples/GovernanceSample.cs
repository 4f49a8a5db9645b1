namespace McpPlatform.Generators.Tests.Samples;

/// <summary>
/// Two tool sets with every access class and secrets, for the governance manifest: the methods are
/// kept apart so tests can declare them in another order.
/// </summary>
internal static class GovernanceSample
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using McpPlatform;

        namespace Sample.Governance;

        """;

    public static readonly string[] IssueMethods =
    [
        """
            /// <summary>Finds issues with a JQL query.</summary>
            /// <param name="jql">JQL text</param>
            /// <param name="max">How many issues at most.</param>
            [McpTool("issues.search", Title = "Search issues", Access = ToolAccess.Read)]
            public static IReadOnlyList<string> Search(string jql, int max = 20) => new[] { jql };
        """,
        """
            /// <summary>Opens an issue.</summary>
            /// <param name="title">A one-line summary.</param>
            [McpTool("issues.create", Access = ToolAccess.Write)]
            public static string Create(string title, [Secret("jira-token")] string token, [Secret("audit-key")] string audit) => title;
        """,
        """
            /// <summary>Deletes an issue for good.</summary>
            /// <param name="key">The issue key.</param>
            [McpTool("issues.delete", Access = ToolAccess.Destructive, Idempotent = true, OpenWorld = false)]
            public static void Delete(string key) { }
        """,
    ];

    public static readonly string[] ReportMethods =
    [
        """
            /// <summary>Exports a report as CSV.</summary>
            /// <param name="name">The report's name.</param>
            [McpTool("reports_export", Access = ToolAccess.Read)]
            public static string Export(string name) => name;
        """,
        """
            /// <summary>Schedules a report.</summary>
            /// <param name="name">The report's name.</param>
            [McpTool("reports_schedule", Title = "Schedule a report", Access = ToolAccess.Write)]
            public static Schedule Plan(string name) => new(name, 1);
        """,
    ];

    /// <summary>The issues tool set, methods in the given order.</summary>
    public static string Issues(IEnumerable<string> methods) => Usings + $$"""
        /// <summary>Issue tools.</summary>
        [McpToolSet("issues")]
        public static class IssueTools
        {
        {{string.Join("\n", methods)}}
        }
        """;

    /// <summary>The reports tool set, methods in the given order.</summary>
    public static string Reports(IEnumerable<string> methods) => Usings + $$"""
        /// <summary>A scheduled report.</summary>
        /// <param name="Name">The report.</param>
        /// <param name="Every">Days between runs.</param>
        public sealed record Schedule(string Name, int Every);

        /// <summary>Report tools.</summary>
        [McpToolSet("reports")]
        public static class ReportTools
        {
        {{string.Join("\n", methods)}}
        }
        """;

    /// <summary>Both tool sets in declaration order.</summary>
    public static string[] Sources => [Issues(IssueMethods), Reports(ReportMethods)];

    /// <summary>A configuration touching every manifest input, with comments and trailing commas as appsettings.json allows.</summary>
    public const string AppSettings = """
        {
          // Logging is not the manifest's business.
          "Logging": { "LogLevel": { "Default": "Information" } },
          "McpPlatform": {
            "Policy": {
              "ReadScope": "jira:read",
              "WriteScope": "jira:write",
              "DestructiveScope": "jira:admin",
              "Rules": [
                { "Name": "editors", "Groups": [ "editors" ], "Tools": [ "issues/*" ], "Access": [ "Write" ], "Scopes": [ "jira:write" ] },
                { "Name": "admins", "Groups": [ "admins" ], "Tools": [ "*" ], "Access": [ "write", "Destructive" ], "Scopes": [ "jira:write", "jira:admin" ] },
                { "Name": "auditors", "Groups": [ "audit" ], "Tools": [ "reports_export" ], "Access": [ "Read" ] },
                { "Name": "contractors", "Groups": [ "contractors", "Contractors" ], "Claims": { "device_managed": "true", "acr": "mfa" }, "Tools": [ "reports/*" ], "Access": [ " READ " ], "Exclusive": "true" },
              ],
            },
            /* Data rules: e-mail addresses may pass into issues. */
            "Dlp": {
              "Rules": [
                { "Name": "email", "Detector": "email", "Action": "Allow", "ResultAction": "Redact" },
                { "Name": "iban", "Detector": "iban", "Action": "Allow", "ResultAction": "Allow" },
                { "Name": "ticket-ids", "Pattern": "SEC-[0-9]+", "Action": "Block", "Tools": [ "reports/*", "issues.create" ] },
              ],
            },
            "CodeMode": { "Enabled": true, "Default": "search_and_execute", "MaxInnerCalls": 20, "Timeout": "00:00:05", "MemoryLimitBytes": "33554432" },
            "RateLimits": { "PerCaller": { "TokenLimit": 120, "ReplenishmentPeriod": "00:00:30" }, "ConcurrentCallsPerCaller": 8 },
            "Audit": { "FailClosedReads": true },
          },
        }
        """;
}

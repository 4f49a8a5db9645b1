namespace McpPlatform.Hosting.Tests.Server;

/// <summary>Who a test access token speaks for: subject, groups, scopes and extra claims.</summary>
public sealed record TestCaller(string Subject, IReadOnlyList<string> Groups, IReadOnlyList<string> Scopes)
{
    /// <summary>The group <see cref="ServerSetup.GrantTestCallerEverything"/> grants every tool to.</summary>
    public const string TestGroup = "hosting-tests";

    public const string ReadScope = "mcp:read";
    public const string WriteScope = "mcp:write";
    public const string DestructiveScope = "mcp:destructive";

    /// <summary>The caller the tool-mechanics tests use: in <see cref="TestGroup"/>, with every scope.</summary>
    public static TestCaller Default { get; } = new("hosting-test-user", [TestGroup], [ReadScope, WriteScope, DestructiveScope]);

    /// <summary>The <c>client_id</c> claim.</summary>
    public string ClientId { get; init; } = "hosting-tests-client";

    /// <summary>Extra string claims, e.g. <c>device_managed</c>.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();
}

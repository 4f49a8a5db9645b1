using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>The manifest's <c>server</c>: the assembly name and version the manifest was generated for.</summary>
/// <param name="Name">MSBuild <c>AssemblyName</c>.</param>
/// <param name="Version">MSBuild <c>Version</c>.</param>
public sealed record ManifestServer(string Name, string Version);

/// <summary>The manifest's <c>codeMode</c> switch.</summary>
/// <param name="Enabled"><c>McpPlatform:CodeMode:Enabled</c>.</param>
/// <param name="Default"><c>McpPlatform:CodeMode:Default</c>: <c>tools</c> or <c>search_and_execute</c>.</param>
public sealed record ManifestCodeMode(bool Enabled, string Default)
{
    /// <summary>Clients see every tool unless they ask for Code Mode.</summary>
    public const string ToolsDefault = "tools";

    /// <summary>Clients see only <c>search</c> and <c>execute</c> unless they ask otherwise.</summary>
    public const string SearchAndExecuteDefault = "search_and_execute";
}

/// <summary>A tool's Code Mode exposure.</summary>
/// <param name="Exposed">Whether the tool is callable from Code Mode JavaScript.</param>
/// <param name="Name">The JavaScript identifier it has there (<c>codemode.&lt;name&gt;</c>).</param>
public sealed record ManifestToolCodeMode(bool Exposed, string Name);

/// <summary>What a DLP rule does on a match, from weakest to strongest.</summary>
public enum ManifestDataAction
{
    /// <summary>The match passes unchanged.</summary>
    Allow = 0,

    /// <summary>The match is replaced.</summary>
    Redact = 1,

    /// <summary>The call is refused.</summary>
    Block = 2,
}

/// <summary>A DLP rule that applies to a tool, with its action on arguments and on results.</summary>
/// <param name="Name">The rule name (a built-in such as <c>email</c>, or a configured rule).</param>
/// <param name="Arguments">The action on the tool's arguments.</param>
/// <param name="Results">The action on the tool's result.</param>
public sealed record ManifestDataRule(string Name, ManifestDataAction Arguments, ManifestDataAction Results);

/// <summary>
/// A tool's annotations as the server sends them (hints clients use to decide what to confirm with the user):
/// <c>readOnly</c>, <c>destructive</c> (not sent for read tools), and <c>idempotent</c> / <c>openWorld</c> when declared.
/// </summary>
internal sealed record ManifestToolAnnotations(bool ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld);

/// <summary>One tool in the manifest, with everything governance decides on.</summary>
public sealed class ManifestTool
{
    /// <summary>The MCP tool name (unique in the manifest).</summary>
    public required string Name { get; init; }

    /// <summary>The human-readable title, when the tool has one.</summary>
    public string? Title { get; init; }

    /// <summary>The description the model reads, possibly empty (attacker-controllable text for a poisoned tool: always escape it).</summary>
    public required string Description { get; init; }

    /// <summary>The tool set (the <c>[McpToolSet]</c> name or the declaring class name).</summary>
    public required string ToolSet { get; init; }

    /// <summary><see cref="ToolAccess.Read"/>, <see cref="ToolAccess.Write"/> or <see cref="ToolAccess.Destructive"/>.</summary>
    public required ToolAccess Access { get; init; }

    /// <summary>The OAuth scopes a caller needs, sorted.</summary>
    public required IReadOnlyList<string> RequiredScopes { get; init; }

    /// <summary>What grants the tool: <c>default-read</c> and the names of policy rules, sorted. Empty when nothing does (always denied).</summary>
    public required IReadOnlyList<string> GrantedBy { get; init; }

    /// <summary>The JSON schema of the arguments.</summary>
    public required JsonElement InputSchema { get; init; }

    /// <summary><c>sha256:</c> hash of the canonical form of <see cref="InputSchema"/> (verified on load).</summary>
    public required string InputSchemaHash { get; init; }

    /// <summary>The JSON schema of the structured result, when the tool declares one.</summary>
    public JsonElement? OutputSchema { get; init; }

    /// <summary><c>sha256:</c> hash of the canonical form of <see cref="OutputSchema"/> (verified on load); recorded for OpenAPI operations only.</summary>
    public string? OutputSchemaHash { get; init; }

    /// <summary>The names of the secrets the tool receives, sorted.</summary>
    public required IReadOnlyList<string> Secrets { get; init; }

    /// <summary>The DLP rules that apply, in evaluation order.</summary>
    public required IReadOnlyList<ManifestDataRule> DataRules { get; init; }

    /// <summary>How the tool appears in Code Mode.</summary>
    public required ManifestToolCodeMode CodeMode { get; init; }

    /// <summary>The annotations the server sends in tools/list; null in a manifest written before they were recorded.</summary>
    internal ManifestToolAnnotations? Annotations { get; init; }

    /// <summary>Where a portal's tool comes from and the upstream definition that was approved; null for the server's own tools.</summary>
    public ManifestUpstream? Upstream { get; init; }

    /// <summary>The OpenAPI operation the tool is and the document it was read from; null for every other tool.</summary>
    public ManifestOpenApi? OpenApi { get; init; }

    /// <summary>The reviewed script the tool runs (<c>snippets/*.js</c>); null for every other tool.</summary>
    public ManifestSnippet? Snippet { get; init; }

    /// <summary>The tool's declared inverse, used by <c>rollback</c>; null for tools without one.</summary>
    public ManifestRevert? Revert { get; init; }

    /// <summary>The lower-case access name used in the manifest: <c>read</c>, <c>write</c> or <c>destructive</c>.</summary>
    public string AccessName => ManifestNames.Access(Access);
}

/// <summary>The lower-case names the manifest uses for enumerations.</summary>
public static class ManifestNames
{
    /// <summary><c>read</c>, <c>write</c> or <c>destructive</c>.</summary>
    public static string Access(ToolAccess access) => access switch
    {
        ToolAccess.Read => "read",
        ToolAccess.Write => "write",
        ToolAccess.Destructive => "destructive",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "A manifest tool is read, write or destructive."),
    };

    /// <summary><c>allow</c>, <c>redact</c> or <c>block</c>.</summary>
    public static string DataAction(ManifestDataAction action) => action switch
    {
        ManifestDataAction.Allow => "allow",
        ManifestDataAction.Redact => "redact",
        ManifestDataAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "A data rule action is allow, redact or block."),
    };

    internal static bool TryParseAccess(string value, out ToolAccess access)
    {
        access = value switch
        {
            "read" => ToolAccess.Read,
            "write" => ToolAccess.Write,
            "destructive" => ToolAccess.Destructive,
            _ => ToolAccess.Unspecified,
        };
        return access != ToolAccess.Unspecified;
    }

    internal static bool TryParseDataAction(string value, out ManifestDataAction action)
    {
        (var known, action) = value switch
        {
            "allow" => (true, ManifestDataAction.Allow),
            "redact" => (true, ManifestDataAction.Redact),
            "block" => (true, ManifestDataAction.Block),
            _ => (false, ManifestDataAction.Allow),
        };
        return known;
    }
}

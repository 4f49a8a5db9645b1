namespace McpPlatform.Hosting.Manifest;

/// <summary>How much a change to the manifest matters to a reviewer.</summary>
public enum ManifestRisk
{
    /// <summary>Recorded for information; does not need re-approval on its own (e.g. the server version).</summary>
    Info = 0,

    /// <summary>Reduces what the server can do or expose (a tool removed, access narrowed).</summary>
    Low = 1,

    /// <summary>Changes behaviour a reviewer should look at (a schema, Code Mode exposure, a new read tool).</summary>
    Medium = 2,

    /// <summary>Widens what callers or the model can do, or what they are told (new write tool, wider access, fewer scopes,
    /// a new grant or secret, a weakened data rule, a changed description or title: tool poisoning).</summary>
    High = 3,
}

/// <summary>What changed between an approved manifest and the current one.</summary>
public enum ManifestChangeKind
{
    /// <summary>A tool that was not approved.</summary>
    ToolAdded,

    /// <summary>An approved tool that is gone.</summary>
    ToolRemoved,

    /// <summary>read → write → destructive.</summary>
    AccessWidened,

    /// <summary>destructive → write → read.</summary>
    AccessNarrowed,

    /// <summary>The OAuth scopes a caller needs.</summary>
    ScopesChanged,

    /// <summary>The policy rules (or default read) that grant the tool.</summary>
    GrantsChanged,

    /// <summary>The description the model reads.</summary>
    DescriptionChanged,

    /// <summary>The human-readable title.</summary>
    TitleChanged,

    /// <summary>The tool set.</summary>
    ToolSetChanged,

    /// <summary>The argument schema.</summary>
    InputSchemaChanged,

    /// <summary>The result schema.</summary>
    OutputSchemaChanged,

    /// <summary>Secrets the tool receives.</summary>
    SecretsChanged,

    /// <summary>The DLP rules that apply to the tool, their actions or their order.</summary>
    DataRulesChanged,

    /// <summary>The tool's Code Mode exposure or JavaScript name.</summary>
    CodeModeChanged,

    /// <summary>The server-wide Code Mode switch or default.</summary>
    ServerCodeModeChanged,

    /// <summary>The server (assembly) name.</summary>
    ServerNameChanged,

    /// <summary>The server version.</summary>
    ServerVersionChanged,

    /// <summary>The content hash differs for a reason none of the other kinds describe.</summary>
    OtherContentChanged,
}

/// <summary>One change between an approved and a current manifest.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Tool">The tool it concerns, or null for a server-wide change.</param>
/// <param name="Risk">How much it matters.</param>
/// <param name="Message">A one-line explanation for people; text from the manifest in it is quoted with control
/// and invisible characters escaped, so it is safe to print to a terminal (still HTML-escape it for a page).</param>
public sealed record ManifestChange(ManifestChangeKind Kind, string? Tool, ManifestRisk Risk, string Message)
{
    /// <summary>The kind as used in JSON output, e.g. <c>access-widened</c>.</summary>
    public string KindName => ManifestChangeNames.Kind(Kind);

    /// <summary>The risk as used in JSON output: <c>info</c>, <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string RiskName => ManifestChangeNames.Risk(Risk);
}

/// <summary>The machine names of change kinds and risks.</summary>
public static class ManifestChangeNames
{
    /// <summary>The kebab-case name of a change kind, e.g. <c>description-changed</c>.</summary>
    public static string Kind(ManifestChangeKind kind)
    {
        var name = kind.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary><c>info</c>, <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public static string Risk(ManifestRisk risk) => risk.ToString().ToLowerInvariant();
}

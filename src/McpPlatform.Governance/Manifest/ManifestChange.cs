namespace McpPlatform.Governance.Manifest;

/// <summary>How much a change to the manifest matters to a reviewer.</summary>
public enum ManifestRisk
{
    /// <summary>Recorded for information; does not need re-approval on its own (e.g. the server version).</summary>
    Info = 0,

    /// <summary>Reduces what the server can do or expose (a tool, resource or prompt removed, access narrowed).</summary>
    Low = 1,

    /// <summary>Changes behaviour a reviewer should look at (a schema, Code Mode exposure, a new read tool, resource or
    /// prompt, a resource URI or MIME type, prompt arguments).</summary>
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

    /// <summary>A resource that was not approved.</summary>
    ResourceAdded,

    /// <summary>An approved resource that is gone.</summary>
    ResourceRemoved,

    /// <summary>A prompt that was not approved.</summary>
    PromptAdded,

    /// <summary>An approved prompt that is gone.</summary>
    PromptRemoved,

    /// <summary>A resource's URI or URI template (including a switch between the two).</summary>
    UriChanged,

    /// <summary>A resource's MIME type.</summary>
    MimeTypeChanged,

    /// <summary>A prompt's arguments: added, removed, reordered, required or not, or an argument description.</summary>
    PromptArgumentsChanged,

    /// <summary>A governance setting (policy, data rules, rate limits, Code Mode limits, audit) lets callers do more or checks less.</summary>
    GovernanceWeakened,

    /// <summary>A governance setting is stricter.</summary>
    GovernanceStrengthened,

    /// <summary>A governance setting changed in a way that is neither stricter nor more lenient, or governance was recorded for the first time.</summary>
    GovernanceChanged,

    /// <summary>A tool's annotations (idempotent, openWorld, readOnly, destructive) changed.</summary>
    AnnotationsChanged,

    /// <summary>
    /// A portal tool's upstream definition (its description, schemas or annotations as the upstream server gives them)
    /// is not the approved one, or the tool now comes from another upstream, or from an upstream at all.
    /// </summary>
    UpstreamChanged,

    /// <summary>
    /// An OpenAPI document changed (server-wide, with what it adds, removes and widens), or a tool now calls another
    /// HTTP operation, or became or stopped being one.
    /// </summary>
    OpenApiChanged,

    /// <summary>A tool's declared inverse (<c>revert</c>: the tool <c>rollback</c> calls, and where its arguments come from) changed, appeared or went away.</summary>
    RevertChanged,

    /// <summary>A reviewed Code Mode snippet (<c>snippets/*.js</c>) was added, removed or changed.</summary>
    SnippetChanged,
}

/// <summary>What a <see cref="ManifestChange"/> concerns.</summary>
public enum ManifestSubject
{
    /// <summary>The server as a whole (name, version, Code Mode switch, unexplained content).</summary>
    Server,

    /// <summary>A tool.</summary>
    Tool,

    /// <summary>A resource.</summary>
    Resource,

    /// <summary>A prompt.</summary>
    Prompt,
}

/// <summary>One change between an approved and a current manifest.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Tool">The name of the tool (or, with <see cref="Subject"/> set, the resource or prompt) it concerns, or null
/// for a server-wide change.</param>
/// <param name="Risk">How much it matters.</param>
/// <param name="Message">A one-line explanation for people; text from the manifest in it is quoted with control
/// and invisible characters escaped, so it is safe to print to a terminal (still HTML-escape it for a page).</param>
public sealed record ManifestChange(ManifestChangeKind Kind, string? Tool, ManifestRisk Risk, string Message)
{
    /// <summary>What the change concerns: <see cref="ManifestSubject.Server"/> when <see cref="Tool"/> is null, a tool unless set otherwise.</summary>
    public ManifestSubject Subject { get; init; } = Tool is null ? ManifestSubject.Server : ManifestSubject.Tool;

    /// <summary>The subject as used in JSON output: <c>server</c>, <c>tool</c>, <c>resource</c> or <c>prompt</c>.</summary>
    public string SubjectName => ManifestChangeNames.Subject(Subject);

    /// <summary>
    /// The name a policy rule uses for the subject: the tool name, <c>resource:&lt;name&gt;</c> or <c>prompt:&lt;name&gt;</c>;
    /// null for a server-wide change. Raw manifest text: escape it before printing.
    /// </summary>
    public string? GovernedName => Subject switch
    {
        ManifestSubject.Resource => Resources.McpResourceDescriptor.PolicyPrefix + Tool,
        ManifestSubject.Prompt => Prompts.McpPromptDescriptor.PolicyPrefix + Tool,
        _ => Tool,
    };

    /// <summary>The namespace of the portal upstream the tool comes from (now, or before it was removed); null for a server's own tools.</summary>
    public string? Upstream { get; init; }

    /// <summary>The namespace of the OpenAPI document the change concerns; null when it concerns none.</summary>
    public string? OpenApi { get; init; }

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
        // "OpenAPI" is one word: openapi-changed, as the manifest's member is "openapi".
        var name = kind.ToString().Replace("OpenApi", "Openapi", StringComparison.Ordinal);
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

    /// <summary><c>server</c>, <c>tool</c>, <c>resource</c> or <c>prompt</c>.</summary>
    public static string Subject(ManifestSubject subject) => subject.ToString().ToLowerInvariant();
}

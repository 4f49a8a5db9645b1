using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// The self-contained HTML page <c>manifest review</c> writes: the server, the changes since the last approval
/// (at the top and on each changed row), the rules that apply to every tool (once, <see cref="EveryToolRules"/>), every
/// tool with its access badge, scopes, grants, secrets, data rules and Code Mode name (a portal's tools in a section per
/// upstream), its snippets in a section of their own (<see cref="ReviewPageSnippets"/>), and, when the server has any,
/// its resources and prompts (<see cref="ReviewPageEntries"/>).
/// No scripts and no external assets; every manifest value is escaped.
/// </summary>
internal static class ReviewPage
{
    private static readonly JsonSerializerOptions SchemaJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        var html = new StringBuilder();
        var server = HtmlText.Escape(current.Server.Name);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Manifest review: ").Append(server).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        Header(html, current, approved, diff);
        Changes(html, approved, diff);
        Tools(html, current, approved, diff);
        ReviewPageSnippets.Section(html, current, approved, diff);
        ReviewPageEntries.Resources(html, current, approved, diff);
        ReviewPageEntries.Prompts(html, current, approved, diff);
        html.Append("<footer>Written by <code>mcp-platform manifest review</code>. To approve this manifest: <code>")
            .Append(HtmlText.Escape(ManifestInputs.ApproveHint)).Append("</code>, then commit <code>")
            .Append(ManifestFiles.ApprovedFileName).Append("</code>.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        html.Append("<header>\n<h1>").Append(HtmlText.Escape(current.Server.Name))
            .Append(" <span class=\"version\">").Append(HtmlText.Escape(current.Server.Version)).Append("</span></h1>\n<dl class=\"facts\">\n");
        Fact(html, "Manifest hash", $"<code id=\"manifest-hash\">{HtmlText.Escape(current.Hash)}</code>");
        Fact(html, "Tools", current.Tools.Count(t => !ReviewPageSnippets.Is(t)).ToString(CultureInfo.InvariantCulture));
        if (current.Tools.Any(ReviewPageSnippets.Is))
        {
            Fact(html, "Snippets", current.Tools.Count(ReviewPageSnippets.Is).ToString(CultureInfo.InvariantCulture));
        }

        var upstreams = UpstreamNamespaces(current.Tools);
        if (upstreams.Count > 0)
        {
            Fact(html, "Upstreams", $"{upstreams.Count.ToString(CultureInfo.InvariantCulture)}: {Codes(upstreams)}");
        }

        var documents = OpenApiNamespaces(current.Tools);
        if (documents.Count > 0)
        {
            Fact(html, "OpenAPI documents", $"{documents.Count.ToString(CultureInfo.InvariantCulture)}: {Codes(documents)}");
        }
        if (current.Resources.Count > 0)
        {
            Fact(html, "Resources", current.Resources.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (current.Prompts.Count > 0)
        {
            Fact(html, "Prompts", current.Prompts.Count.ToString(CultureInfo.InvariantCulture));
        }

        Fact(html, "Code Mode", current.CodeMode.Enabled
            ? $"enabled, default <code>{HtmlText.Escape(current.CodeMode.Default)}</code>"
            : "disabled");
        var status = approved is null
            ? "<span class=\"status status-new\">never approved</span>"
            : diff.Identical
                ? "<span class=\"status status-approved\">approved</span>"
                : "<span class=\"status status-changed\">changed since approval</span>";
        var by = approved is null ? string.Empty
            : $" — last approval by {HtmlText.Escape(approved.Approval.Reviewer)} at {approved.Approval.ApprovedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}"
                + (approved.Approval.Note is { } note ? $" (“{HtmlText.Escape(note)}”)" : string.Empty)
                + $", <code>{HtmlText.Escape(approved.Approval.Hash)}</code>";
        Fact(html, "Approval", status + by);
        html.Append("</dl>\n</header>\n");
    }

    private static void Changes(StringBuilder html, ApprovedManifest? approved, ManifestDiff diff)
    {
        html.Append("<section id=\"changes\">\n<h2>")
            .Append(approved is null ? "Not approved yet: everything is new" : "Changes since the last approval").Append("</h2>\n")
            .Append("<p class=\"summary\">").Append(HtmlText.Escape(DiffReport.Summary(diff))).Append("</p>\n");
        if (diff.Changes.Count > 0)
        {
            html.Append("<table class=\"changes\">\n<thead><tr><th>Risk</th><th>Name</th><th>Change</th><th>Details</th></tr></thead>\n<tbody>\n");
            foreach (var change in diff.Changes)
            {
                html.Append("<tr class=\"change risk-").Append(change.RiskName).Append("\"><td>").Append(RiskBadge(change.Risk)).Append("</td><td>")
                    .Append(change.GovernedName is { } name ? $"<code>{HtmlText.Escape(name)}</code>" : "<em>server</em>")
                    .Append("</td><td>").Append(change.KindName).Append("</td><td>").Append(HtmlText.Escape(change.Message)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void Tools(StringBuilder html, ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        var everyTool = EveryToolRules.Of(current.Tools);
        EveryToolSection(html, everyTool);
        var removed = approved?.Manifest.Tools.Where(t => current.FindTool(t.Name) is null).ToList() ?? [];

        // The server's own tools first (all of them, for a server that is not a portal and declares no OpenAPI
        // document), then a section per upstream and per OpenAPI document in namespace order, so a reviewer reads each
        // upstream's tools, and each API's operations, together.
        // Snippets have a section of their own (ReviewPageSnippets).
        var own = current.Tools.Where(t => t.Upstream is null && t.OpenApi is null && !ReviewPageSnippets.Is(t)).ToList();
        var ownRemoved = removed.Where(t => t.Upstream is null && t.OpenApi is null && !ReviewPageSnippets.Is(t)).ToList();
        var upstreams = UpstreamNamespaces(current.Tools.Concat(removed));
        var documents = OpenApiNamespaces(current.Tools.Concat(removed));
        if ((upstreams.Count == 0 && documents.Count == 0) || own.Count > 0 || ownRemoved.Count > 0)
        {
            html.Append("<section id=\"tools\">\n<h2>Tools (").Append(own.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
            ToolTable(html, own, ownRemoved, everyTool, diff);
            html.Append("</section>\n");
        }

        foreach (var name in upstreams)
        {
            var tools = current.Tools.Where(t => t.Upstream?.Namespace == name).ToList();
            html.Append("<section class=\"upstream\" id=\"upstream-").Append(HtmlText.Escape(name)).Append("\" data-upstream=\"").Append(HtmlText.Escape(name))
                .Append("\">\n<h2>Upstream <code>").Append(HtmlText.Escape(name)).Append("</code> (").Append(Count(tools.Count, "tool")).Append(")</h2>\n");
            var upstreamRules = EveryToolRules.Of(tools, everyTool, $"the rules for every tool of upstream {name}");
            RulesOnce(html, upstreamRules, "upstream-rules", $"Rules for every tool of upstream <code>{HtmlText.Escape(name)}</code>");
            ToolTable(html, tools, removed.Where(t => t.Upstream?.Namespace == name).ToList(), upstreamRules, diff);
            html.Append("</section>\n");
        }

        foreach (var name in documents)
        {
            var tools = current.Tools.Where(t => t.OpenApi?.Namespace == name).ToList();
            var hash = tools.Select(t => t.OpenApi!.DocumentHash).FirstOrDefault();
            html.Append("<section class=\"openapi\" id=\"openapi-").Append(HtmlText.Escape(name)).Append("\" data-openapi=\"").Append(HtmlText.Escape(name))
                .Append("\">\n<h2>OpenAPI <code>").Append(HtmlText.Escape(name)).Append("</code> (").Append(Count(tools.Count, "operation")).Append(")</h2>\n");
            if (hash is not null)
            {
                html.Append("<p class=\"document-hash\">Document <span class=\"hash\">").Append(HtmlText.Escape(hash)).Append("</span></p>\n");
            }

            var documentRules = EveryToolRules.Of(tools, everyTool, $"the rules for every operation of OpenAPI {name}");
            RulesOnce(html, documentRules, "upstream-rules", $"Rules for every operation of OpenAPI <code>{HtmlText.Escape(name)}</code>");
            ToolTable(html, tools, removed.Where(t => t.OpenApi?.Namespace == name).ToList(), documentRules, diff);
            html.Append("</section>\n");
        }
    }

    private static List<string> OpenApiNamespaces(IEnumerable<ManifestTool> tools) =>
        [.. tools.Select(t => t.OpenApi?.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static void ToolTable(StringBuilder html, List<ManifestTool> tools, List<ManifestTool> removed, EveryToolRules everyTool, ManifestDiff diff)
    {
        html.Append("<table class=\"tools\">\n<thead><tr><th>Tool</th><th>Access</th><th>Description</th><th>Scopes</th><th>Granted by</th>")
            .Append("<th>Secrets</th><th>Data rules</th><th>Code Mode</th></tr></thead>\n<tbody>\n");
        foreach (var tool in tools)
        {
            ToolRow(html, tool, diff.ForTool(tool.Name).ToList(), everyTool, removed: false);
        }

        foreach (var tool in removed)
        {
            ToolRow(html, tool, diff.ForTool(tool.Name).ToList(), everyTool, removed: true);
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>The rules that apply to every tool, once, before the tool tables.</summary>
    private static void EveryToolSection(StringBuilder html, EveryToolRules everyTool)
    {
        if (!everyTool.Any)
        {
            return;
        }

        html.Append("<section id=\"every-tool\">\n<h2>Rules for every tool</h2>\n<p>These apply to every tool below and are not repeated on its row.</p>\n");
        RulesList(html, everyTool);
        html.Append("</section>\n");
    }

    /// <summary>An upstream's own rules for all of its tools, once, above its table.</summary>
    private static void RulesOnce(StringBuilder html, EveryToolRules rules, string cssClass, string headingHtml)
    {
        if (!rules.Any)
        {
            return;
        }

        html.Append("<div class=\"").Append(cssClass).Append("\">\n<h3>").Append(headingHtml).Append("</h3>\n");
        RulesList(html, rules);
        html.Append("</div>\n");
    }

    private static void RulesList(StringBuilder html, EveryToolRules rules)
    {
        html.Append("<dl class=\"facts\">\n");
        if (rules.GrantedBy.Count > 0)
        {
            Fact(html, "Granted by", $"<span class=\"every-tool-grants\">{Codes(rules.GrantedBy)}</span>");
        }

        if (rules.DataRules.Count > 0)
        {
            Fact(html, "Data rules", $"<span class=\"every-tool-data-rules\">{DataRules(rules.DataRules)}</span>");
        }

        html.Append("</dl>\n");
    }

    private static List<string> UpstreamNamespaces(IEnumerable<ManifestTool> tools) =>
        [.. tools.Select(t => t.Upstream?.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static void ToolRow(StringBuilder html, ManifestTool tool, List<ManifestChange> changes, EveryToolRules everyTool, bool removed)
    {
        var classes = RowClasses("tool", removed, changes);
        html.Append("<tr class=\"").Append(classes).Append("\" data-tool=\"").Append(HtmlText.Escape(tool.Name)).Append("\">\n<td class=\"name\"><code>")
            .Append(HtmlText.Escape(tool.Name)).Append("</code>");
        if (removed)
        {
            html.Append(" <span class=\"badge removed\">removed</span>");
        }

        if (tool.Title is { } title)
        {
            html.Append("<div class=\"title\">").Append(HtmlText.Escape(title)).Append("</div>");
        }

        if (tool.ToolSet.Length > 0)
        {
            html.Append("<div class=\"toolset\">tool set <code>").Append(HtmlText.Escape(tool.ToolSet)).Append("</code></div>");
        }

        if (tool.Upstream is { } upstream)
        {
            html.Append("<div class=\"upstream-tool\">upstream tool <code>").Append(HtmlText.Escape(upstream.Tool)).Append("</code></div>")
                .Append("<div class=\"hash\" title=\"upstream definition hash\">").Append(HtmlText.Escape(upstream.DefinitionHash)).Append("</div>");
        }

        if (tool.OpenApi is { } operation)
        {
            html.Append("<div class=\"operation\"><code>").Append(HtmlText.Escape(operation.Method)).Append(' ').Append(HtmlText.Escape(operation.Path)).Append("</code>");
            if (operation.OperationId is { } id)
            {
                html.Append(" operationId <code>").Append(HtmlText.Escape(id)).Append("</code>");
            }

            html.Append("</div>");
        }

        html.Append("</td>\n<td><span class=\"badge access-").Append(tool.AccessName).Append("\">").Append(tool.AccessName).Append("</span></td>\n")
            .Append("<td class=\"description\">");
        if (HtmlText.HasHidden(tool.Description) || (tool.Title is { } t && HtmlText.HasHidden(t)))
        {
            html.Append("<div class=\"warning\">Contains hidden characters (marked below): check for tool poisoning.</div>");
        }

        html.Append("<div class=\"text\">").Append(tool.Description.Length == 0 ? "<em class=\"none\">no description</em>" : HtmlText.Escape(tool.Description)).Append("</div>")
            .Append("<details><summary>Input schema</summary><div class=\"hash\">").Append(HtmlText.Escape(tool.InputSchemaHash)).Append("</div><pre>")
            .Append(HtmlText.Escape(JsonSerializer.Serialize(tool.InputSchema, SchemaJson))).Append("</pre></details>");
        if (tool.OutputSchema is { } output)
        {
            html.Append("<details><summary>Output schema</summary><pre>").Append(HtmlText.Escape(JsonSerializer.Serialize(output, SchemaJson))).Append("</pre></details>");
        }

        html.Append("</td>\n<td class=\"scopes\">").Append(Codes(tool.RequiredScopes)).Append("</td>\n")
            .Append("<td class=\"granted-by\">").Append(Grants(everyTool.GrantsOf(tool))).Append("</td>\n")
            .Append("<td class=\"secrets\">").Append(tool.Secrets.Count == 0 ? "<em class=\"none\">none</em>" : Codes(tool.Secrets)).Append("</td>\n")
            .Append("<td class=\"data-rules\">").Append(DataRules(everyTool.DataRulesOf(tool))).Append("</td>\n")
            .Append("<td class=\"code-mode\">").Append(tool.CodeMode.Exposed ? $"<code>codemode.{HtmlText.Escape(tool.CodeMode.Name)}</code>" : "<em class=\"none\">not exposed</em>")
            .Append("</td>\n</tr>\n");
        ChangeList(html, "tool-changes", "data-tool", tool.Name, columns: 8, changes);
    }

    /// <summary>The classes of an entry's row: its kind, removed, and the highest risk of its changes.</summary>
    internal static string RowClasses(string kind, bool removed, List<ManifestChange> changes) =>
        kind + (removed ? " removed" : string.Empty)
        + (changes.Count > 0 ? $" changed risk-{ManifestChangeNames.Risk(changes.Max(c => c.Risk))}" : string.Empty);

    /// <summary>The row under a changed entry listing its changes, badge and message each.</summary>
    internal static void ChangeList(StringBuilder html, string rowClass, string dataAttribute, string name, int columns, List<ManifestChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        html.Append("<tr class=\"").Append(rowClass).Append("\" ").Append(dataAttribute).Append("=\"").Append(HtmlText.Escape(name))
            .Append("\"><td colspan=\"").Append(columns.ToString(CultureInfo.InvariantCulture)).Append("\"><ul>");
        foreach (var change in changes)
        {
            html.Append("<li class=\"risk-").Append(change.RiskName).Append("\">").Append(RiskBadge(change.Risk)).Append(' ')
                .Append(HtmlText.Escape(change.Message)).Append("</li>");
        }

        html.Append("</ul></td></tr>\n");
    }

    private static string Notes(IReadOnlyList<string> notes) =>
        string.Concat(notes.Select(note => $"<div class=\"every-tool-note\">+ {HtmlText.Escape(note)}</div>"));

    private static string Grants((IReadOnlyList<string> Grants, IReadOnlyList<string> Notes) grants) => grants switch
    {
        ({ Count: 0 }, { Count: 0 }) => "<em class=\"none\">nothing (denied)</em>",
        ({ Count: 0 }, var notes) => Notes(notes),
        (var own, var notes) => Codes(own) + Notes(notes),
    };

    private static string DataRules((IReadOnlyList<ManifestDataRule> Rules, IReadOnlyList<string> Notes) rules) => rules switch
    {
        ({ Count: 0 }, { Count: > 0 } notes) => Notes(notes),
        (var own, var notes) => DataRules(own) + Notes(notes),
    };

    private static string DataRules(IReadOnlyList<ManifestDataRule> rules)
    {
        if (rules.Count == 0)
        {
            return "<em class=\"none\">none</em>";
        }

        var list = new StringBuilder("<ol>");
        foreach (var rule in rules)
        {
            list.Append("<li><code>").Append(HtmlText.Escape(rule.Name)).Append("</code> ")
                .Append("<span class=\"action action-").Append(ManifestNames.DataAction(rule.Arguments)).Append("\">args ").Append(ManifestNames.DataAction(rule.Arguments)).Append("</span> ")
                .Append("<span class=\"action action-").Append(ManifestNames.DataAction(rule.Results)).Append("\">results ").Append(ManifestNames.DataAction(rule.Results)).Append("</span></li>");
        }

        return list.Append("</ol>").ToString();
    }

    internal static string Codes(IEnumerable<string> items) => string.Join(" ", items.Select(i => $"<code>{HtmlText.Escape(i)}</code>"));

    internal static string RiskBadge(ManifestRisk risk) =>
        $"<span class=\"badge risk-{ManifestChangeNames.Risk(risk)}\">{ManifestChangeNames.Risk(risk)}</span>";

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append("<dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd>\n");

    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 24px 32px; color: #1f2328; background: #fff; }
        h1 { margin: 0 0 8px; font-size: 26px; } h1 .version { color: #59636e; font-weight: normal; font-size: 18px; }
        h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
        dt { color: #59636e; } dd { margin: 0; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
        pre { font: 12px ui-monospace, monospace; background: #f6f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d1d9e0; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
        .access-read { background: #1a7f37; } .access-write { background: #bc4c00; } .access-destructive { background: #cf222e; }
        .badge.risk-high { background: #cf222e; } .badge.risk-medium { background: #9a6700; } .badge.risk-low { background: #0969da; } .badge.risk-info { background: #59636e; }
        .badge.removed { background: #59636e; }
        tr.change.risk-high td, tr.changed.risk-high td { background: #ffebe9; }
        tr.change.risk-medium td, tr.changed.risk-medium td { background: #fff8c5; }
        tr.change.risk-low td, tr.changed.risk-low td, tr.change.risk-info td, tr.changed.risk-info td { background: #ddf4ff; }
        tr.removed td { text-decoration: line-through; color: #59636e; }
        tr.tool-changes td, tr.entry-changes td { background: #fafbfc; border-top: none; } tr.tool-changes ul, tr.entry-changes ul { margin: 0; padding-left: 18px; }
        .arguments li { margin-bottom: 2px; } .argument-description { color: #59636e; } .badge.required { background: #8250df; } .badge.optional { background: #59636e; }
        .description .text { white-space: pre-wrap; } .title { font-weight: 600; } .toolset { color: #59636e; font-size: 12px; }
        .warning { color: #cf222e; font-weight: 600; } mark.hidden-char { background: #cf222e; color: #fff; font-family: monospace; }
        .none { color: #59636e; } ol { margin: 0; padding-left: 18px; } .action { white-space: nowrap; } .code-mode code, .name code { overflow-wrap: anywhere; } td.name { min-width: 150px; }
        .hash { font: 11px ui-monospace, monospace; color: #59636e; word-break: break-all; } td.description { min-width: 280px; }
        .action { font-size: 12px; } .action-block { color: #cf222e; } .action-redact { color: #9a6700; } .action-allow { color: #59636e; }
        .status { font-weight: 600; } .status-approved { color: #1a7f37; } .status-changed { color: #cf222e; } .status-new { color: #9a6700; }
        footer { margin-top: 32px; color: #59636e; font-size: 12px; }
        .every-tool-note, .upstream-tool { color: #59636e; font-size: 12px; } section.upstream h2 code { font-size: 16px; }
        td.input-schema pre { margin: 0; } .script-changed { color: #cf222e; font-weight: 600; font-size: 12px; }
        .upstream-rules { margin: 0 0 8px; } .upstream-rules h3 { font-size: 14px; margin: 8px 0 4px; }

        """;
}

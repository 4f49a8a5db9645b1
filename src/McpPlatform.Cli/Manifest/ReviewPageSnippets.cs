using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// The review page's section for snippets (docs/snippets.md): reviewed scripts served as <c>snippet_&lt;name&gt;</c>, kept
/// apart from the tools because what is approved is a script, not a method. Each row: the snippet's name and tool,
/// access, description, input schema (what every call is checked against), the hash of the script's bytes and, for a
/// changed snippet, the approved hash beside the new one and the changes (a changed script is high risk).
/// </summary>
internal static class ReviewPageSnippets
{
    private const int Columns = 5;

    private static readonly JsonSerializerOptions SchemaJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <paramref name="tool"/> is a snippet (listed here, not in the tool tables).</summary>
    public static bool Is(ManifestTool tool) => tool.Snippet is not null;

    public static void Section(StringBuilder html, ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        var snippets = current.Tools.Where(Is).ToList();
        var removed = approved?.Manifest.Tools.Where(t => Is(t) && current.FindTool(t.Name) is null).ToList() ?? [];
        if (snippets.Count == 0 && removed.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"snippets\">\n<h2>Snippets (").Append(snippets.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n")
            .Append("<p>Reviewed scripts of the project, each served as a tool and as <code>codemode.snippets.&lt;name&gt;</code>; the approval pins the script's bytes by hash. ")
            .Append("Each call inside a script passes the gate on its own.</p>\n")
            .Append("<table class=\"snippets\">\n<thead><tr><th>Snippet</th><th>Access</th><th>Description</th><th>Input schema</th><th>Script</th></tr></thead>\n<tbody>\n");
        foreach (var snippet in snippets)
        {
            Row(html, snippet, approved?.Manifest.FindTool(snippet.Name), diff.ForTool(snippet.Name).ToList(), isRemoved: false);
        }

        foreach (var snippet in removed)
        {
            Row(html, snippet, null, diff.ForTool(snippet.Name).ToList(), isRemoved: true);
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Row(StringBuilder html, ManifestTool tool, ManifestTool? before, List<ManifestChange> changes, bool isRemoved)
    {
        var snippet = tool.Snippet!;
        html.Append("<tr class=\"").Append(ReviewPage.RowClasses("snippet", isRemoved, changes)).Append("\" data-snippet=\"").Append(HtmlText.Escape(snippet.Name))
            .Append("\">\n<td class=\"name\"><code>").Append(HtmlText.Escape(snippet.Name)).Append("</code>");
        if (isRemoved)
        {
            html.Append(" <span class=\"badge removed\">removed</span>");
        }

        html.Append("<div class=\"toolset\">tool <code>").Append(HtmlText.Escape(tool.Name)).Append("</code></div></td>\n")
            .Append("<td><span class=\"badge access-").Append(tool.AccessName).Append("\">").Append(tool.AccessName).Append("</span></td>\n")
            .Append("<td class=\"description\">");
        if (HtmlText.HasHidden(tool.Description))
        {
            html.Append("<div class=\"warning\">Contains hidden characters (marked below): check for tool poisoning.</div>");
        }

        html.Append("<div class=\"text\">").Append(tool.Description.Length == 0 ? "<em class=\"none\">no description</em>" : HtmlText.Escape(tool.Description)).Append("</div></td>\n")
            .Append("<td class=\"input-schema\"><div class=\"hash\">").Append(HtmlText.Escape(tool.InputSchemaHash)).Append("</div><pre>")
            .Append(HtmlText.Escape(JsonSerializer.Serialize(tool.InputSchema, SchemaJson))).Append("</pre></td>\n")
            .Append("<td class=\"script\"><div class=\"hash script-hash\">").Append(HtmlText.Escape(snippet.ScriptHash)).Append("</div>");
        if (before?.Snippet is { } approved && approved.ScriptHash != snippet.ScriptHash)
        {
            html.Append("<div class=\"script-changed\">changed since approval; approved script <span class=\"hash\">")
                .Append(HtmlText.Escape(approved.ScriptHash)).Append("</span>: read <code>snippets/").Append(HtmlText.Escape(snippet.Name)).Append(".js</code> again</div>");
        }

        html.Append("</td>\n</tr>\n");
        ReviewPage.ChangeList(html, "entry-changes", "data-snippet", snippet.Name, Columns, changes);
    }
}

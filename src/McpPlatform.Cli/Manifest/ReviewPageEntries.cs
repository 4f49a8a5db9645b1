using System.Globalization;
using System.Text;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// The review page's Resources and Prompts tables, written only when the current or the approved manifest has any:
/// a row per entry (removed ones last, struck through) with its access badge, URI or arguments, description and
/// grants, and under a changed row the list of its changes. Every manifest value is escaped.
/// </summary>
internal static class ReviewPageEntries
{
    private const int ResourceColumns = 6;
    private const int PromptColumns = 5;

    public static void Resources(StringBuilder html, ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        var removed = approved?.Manifest.Resources.Where(r => current.FindResource(r.Name) is null).ToList() ?? [];
        if (current.Resources.Count == 0 && removed.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"resources\">\n<h2>Resources (").Append(current.Resources.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n")
            .Append("<table class=\"resources\">\n<thead><tr><th>Resource</th><th>Access</th><th>URI</th><th>Description</th><th>MIME type</th><th>Granted by</th></tr></thead>\n<tbody>\n");
        foreach (var resource in current.Resources)
        {
            ResourceRow(html, resource, diff.ForResource(resource.Name).ToList(), isRemoved: false);
        }

        foreach (var resource in removed)
        {
            ResourceRow(html, resource, diff.ForResource(resource.Name).ToList(), isRemoved: true);
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public static void Prompts(StringBuilder html, ManifestDocument current, ApprovedManifest? approved, ManifestDiff diff)
    {
        var removed = approved?.Manifest.Prompts.Where(p => current.FindPrompt(p.Name) is null).ToList() ?? [];
        if (current.Prompts.Count == 0 && removed.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"prompts\">\n<h2>Prompts (").Append(current.Prompts.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n")
            .Append("<table class=\"prompts\">\n<thead><tr><th>Prompt</th><th>Access</th><th>Description</th><th>Arguments</th><th>Granted by</th></tr></thead>\n<tbody>\n");
        foreach (var prompt in current.Prompts)
        {
            PromptRow(html, prompt, diff.ForPrompt(prompt.Name).ToList(), isRemoved: false);
        }

        foreach (var prompt in removed)
        {
            PromptRow(html, prompt, diff.ForPrompt(prompt.Name).ToList(), isRemoved: true);
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void ResourceRow(StringBuilder html, ManifestResource resource, List<ManifestChange> changes, bool isRemoved)
    {
        NameCell(html, "resource", "data-resource", resource.Name, resource.Title, changes, isRemoved);
        Access(html, resource.AccessName);
        html.Append("<td class=\"uri\">");
        if (resource.UriTemplate is { } template)
        {
            html.Append("<code>").Append(HtmlText.Escape(template)).Append("</code> <span class=\"uri-kind\">template</span>");
        }
        else
        {
            html.Append("<code>").Append(HtmlText.Escape(resource.Uri ?? string.Empty)).Append("</code>");
        }

        html.Append("</td>\n");
        Description(html, resource.Description, resource.Title);
        html.Append("<td class=\"mime-type\">").Append(resource.MimeType is { } mime ? $"<code>{HtmlText.Escape(mime)}</code>" : "<em class=\"none\">not declared</em>").Append("</td>\n");
        GrantedBy(html, resource.GrantedBy);
        html.Append("</tr>\n");
        ReviewPage.ChangeList(html, "entry-changes", "data-resource", resource.Name, ResourceColumns, changes);
    }

    private static void PromptRow(StringBuilder html, ManifestPrompt prompt, List<ManifestChange> changes, bool isRemoved)
    {
        NameCell(html, "prompt", "data-prompt", prompt.Name, prompt.Title, changes, isRemoved);
        Access(html, prompt.AccessName);
        Description(html, prompt.Description, prompt.Title, prompt.Arguments.Select(a => a.Description).OfType<string>());
        html.Append("<td class=\"arguments\">");
        if (prompt.Arguments.Count == 0)
        {
            html.Append("<em class=\"none\">none</em>");
        }
        else
        {
            html.Append("<ol>");
            foreach (var argument in prompt.Arguments)
            {
                html.Append("<li><code>").Append(HtmlText.Escape(argument.Name)).Append("</code> ")
                    .Append(argument.Required ? "<span class=\"badge required\">required</span>" : "<span class=\"badge optional\">optional</span>");
                if (argument.Description is { } description)
                {
                    html.Append(" <span class=\"argument-description\">").Append(HtmlText.Escape(description)).Append("</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("</td>\n");
        GrantedBy(html, prompt.GrantedBy);
        html.Append("</tr>\n");
        ReviewPage.ChangeList(html, "entry-changes", "data-prompt", prompt.Name, PromptColumns, changes);
    }

    private static void NameCell(StringBuilder html, string kind, string dataAttribute, string name, string? title, List<ManifestChange> changes, bool isRemoved)
    {
        html.Append("<tr class=\"").Append(ReviewPage.RowClasses(kind, isRemoved, changes)).Append("\" ").Append(dataAttribute).Append("=\"")
            .Append(HtmlText.Escape(name)).Append("\">\n<td class=\"name\"><code>").Append(HtmlText.Escape(name)).Append("</code>");
        if (isRemoved)
        {
            html.Append(" <span class=\"badge removed\">removed</span>");
        }

        if (title is not null)
        {
            html.Append("<div class=\"title\">").Append(HtmlText.Escape(title)).Append("</div>");
        }

        html.Append("</td>\n");
    }

    private static void Access(StringBuilder html, string access) =>
        html.Append("<td><span class=\"badge access-").Append(access).Append("\">").Append(access).Append("</span></td>\n");

    private static void Description(StringBuilder html, string description, string? title, IEnumerable<string>? more = null)
    {
        html.Append("<td class=\"description\">");
        if (HtmlText.HasHidden(description) || (title is not null && HtmlText.HasHidden(title)) || (more ?? []).Any(HtmlText.HasHidden))
        {
            html.Append("<div class=\"warning\">Contains hidden characters (marked): check for poisoning.</div>");
        }

        html.Append("<div class=\"text\">").Append(description.Length == 0 ? "<em class=\"none\">no description</em>" : HtmlText.Escape(description)).Append("</div></td>\n");
    }

    private static void GrantedBy(StringBuilder html, IReadOnlyList<string> grantedBy) =>
        html.Append("<td class=\"granted-by\">").Append(grantedBy.Count == 0 ? "<em class=\"none\">nothing (denied)</em>" : ReviewPage.Codes(grantedBy)).Append("</td>\n");
}

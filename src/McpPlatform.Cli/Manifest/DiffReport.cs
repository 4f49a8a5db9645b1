using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// Prints a <see cref="ManifestDiff"/>: a Spectre.Console table on a terminal, aligned plain text when redirected,
/// or JSON. Text from the manifest is already quoted safely by the diff; names are escaped here. A resource or prompt
/// is named as policy rules name it: <c>resource:&lt;name&gt;</c>, <c>prompt:&lt;name&gt;</c>.
/// </summary>
internal static class DiffReport
{
    private static readonly string[] Headers = ["RISK", "NAME", "CHANGE", "DETAILS"];

    public static JsonObject ToJson(ManifestDiff diff)
    {
        var changes = new JsonArray();
        foreach (var change in diff.Changes)
        {
            var item = new JsonObject
            {
                ["kind"] = change.KindName,
                ["subject"] = change.SubjectName,
                ["name"] = change.Tool,
                ["tool"] = change.Subject == ManifestSubject.Tool ? change.Tool : null,
                ["risk"] = change.RiskName,
                ["message"] = change.Message,
            };

            // Only a portal's tools have an upstream; other output keeps its shape.
            if (change.Upstream is { } upstream)
            {
                item["upstream"] = upstream;
            }

            // Likewise only changes that concern an OpenAPI document's operations name it.
            if (change.OpenApi is { } openApi)
            {
                item["openapi"] = openApi;
            }

            changes.Add(item);
        }

        return new JsonObject
        {
            ["approvedHash"] = diff.ApprovedHash,
            ["currentHash"] = diff.CurrentHash,
            ["identical"] = diff.Identical,
            ["requiresApproval"] = diff.RequiresApproval,
            ["highestRisk"] = diff.HighestRisk is { } risk ? ManifestChangeNames.Risk(risk) : null,
            ["changes"] = changes,
        };
    }

    /// <summary>The changes as a table on a terminal, as aligned plain text when redirected or captured.</summary>
    public static void Write(TextWriter output, ManifestDiff diff)
    {
        if (CommandOutput.IsInteractive(output))
        {
            WriteTable(AnsiConsole.Console, diff);
        }
        else
        {
            WritePlain(output, diff);
        }
    }

    public static void WritePlain(TextWriter output, ManifestDiff diff)
    {
        if (diff.Changes.Count > 0)
        {
            var rows = new List<string[]> { Headers };
            rows.AddRange(diff.Changes.Select(Cells));
            var widths = Enumerable.Range(0, Headers.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var cells in rows)
            {
                output.WriteLine(string.Join("  ", cells.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)).TrimEnd());
            }
        }

        output.WriteLine(Summary(diff));
    }

    public static void WriteTable(IAnsiConsole console, ManifestDiff diff)
    {
        if (diff.Changes.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in Headers)
            {
                table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
            }

            foreach (var change in diff.Changes)
            {
                var riskStyle = new Style(RiskColor(change.Risk), decoration: change.Risk == ManifestRisk.High ? Decoration.Bold : Decoration.None);
                var cells = Cells(change);
                table.AddRow(cells.Select((cell, c) => (IRenderable)new Text(cell, c == 0 ? riskStyle : Style.Plain)).ToArray());
            }

            console.Write(table);
        }

        console.Write(new Text(Summary(diff) + Environment.NewLine, new Style(diff.RequiresApproval ? Color.Red : Color.Green)));
    }

    public static string Summary(ManifestDiff diff)
    {
        if (diff.Changes.Count == 0)
        {
            return "No changes: the manifests have the same content.";
        }

        var counts = Enum.GetValues<ManifestRisk>().Reverse()
            .Select(r => (Risk: r, Count: diff.Changes.Count(c => c.Risk == r)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {ManifestChangeNames.Risk(x.Risk)}");
        var verdict = diff.RequiresApproval ? "re-approval needed" : "informational only, no re-approval needed";
        return $"{diff.Changes.Count} change{(diff.Changes.Count == 1 ? string.Empty : "s")} ({string.Join(", ", counts)}): {verdict}.";
    }

    private static string[] Cells(ManifestChange change) =>
        [change.RiskName.ToUpperInvariant(), change.GovernedName is { } name ? SafeName(name) : "(server)", change.KindName, change.Message];

    /// <summary>"3 tools, 2 resources, 1 prompt": the tools always, resources and prompts when there are any.</summary>
    public static string Counts(ManifestDocument manifest)
    {
        var parts = new List<string> { Count(manifest.Tools.Count, "tool") };
        if (manifest.Resources.Count > 0)
        {
            parts.Add(Count(manifest.Resources.Count, "resource"));
        }

        if (manifest.Prompts.Count > 0)
        {
            parts.Add(Count(manifest.Prompts.Count, "prompt"));
        }

        return string.Join(", ", parts);
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    /// <summary>A tool name fit for a terminal: quoted and escaped when it holds hidden or control characters.</summary>
    public static string SafeName(string name) => DisplayText.HasUnsafe(name) ? DisplayText.Quote(name, 80) : name;

    private static Color RiskColor(ManifestRisk risk) => risk switch
    {
        ManifestRisk.High => Color.Red,
        ManifestRisk.Medium => Color.Yellow,
        ManifestRisk.Low => Color.Blue,
        _ => Color.Grey,
    };
}

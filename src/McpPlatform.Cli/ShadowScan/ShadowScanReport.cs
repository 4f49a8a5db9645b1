using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// What <c>shadow-scan</c> prints: the hosts with MCP traffic that pass <c>--min-layers</c>, unapproved ones
/// only unless <c>--all</c>; as a Spectre.Console table on a terminal, aligned plain text when redirected, or JSON.
/// </summary>
internal sealed class ShadowScanReport
{
    private readonly ShadowScanner _scanner;
    private readonly IReadOnlyList<string> _files;
    private readonly int _minLayers;

    public ShadowScanReport(ShadowScanner scanner, HostAllowList approved, IReadOnlyList<string> files, int minLayers, bool all, PortalConfiguration? portal = null)
    {
        _scanner = scanner;
        _files = files;
        _minLayers = minLayers;
        var qualifying = scanner.Hosts
            .Where(h => DetectionLayerNames.Count(h.Layers) >= minLayers)
            .Select(h => Classify(h, approved, portal))
            .ToArray();
        Unapproved = qualifying.Count(r => !r.Approved);
        BypassingPortal = qualifying.Count(r => r.PortalUpstreams is not null);
        HiddenApproved = all ? 0 : qualifying.Count(r => r.Approved);
        Rows = qualifying
            .Where(r => all || !r.Approved)
            .OrderBy(r => r.Approved)
            .ThenByDescending(r => r.Activity.Requests)
            .ThenBy(r => r.Activity.Host, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Hosts with MCP traffic that are not on the allow-list (and pass --min-layers).</summary>
    public int Unapproved { get; }

    /// <summary>Hosts of the portal's upstreams reached directly (they count as unapproved).</summary>
    public int BypassingPortal { get; }

    /// <summary>Approved hosts with MCP traffic left out because --all was not given.</summary>
    public int HiddenApproved { get; }

    public IReadOnlyList<Row> Rows { get; }

    public void WriteJson(TextWriter output)
    {
        var hosts = new JsonArray();
        foreach (var row in Rows)
        {
            var host = new JsonObject
            {
                ["host"] = row.Activity.Host,
                ["approved"] = row.Approved,
                ["requests"] = row.Activity.Requests,
                ["firstSeen"] = Time(row.Activity.FirstSeen),
                ["lastSeen"] = Time(row.Activity.LastSeen),
                ["layers"] = new JsonArray(DetectionLayerNames.Names(row.Activity.Layers).Select(n => (JsonNode)n).ToArray()),
                ["users"] = new JsonArray(row.Activity.Users.Select(u => (JsonNode)u).ToArray()),
            };

            // Only with --portal: the upstreams this host serves, reached here without the portal.
            if (row.PortalUpstreams is { } upstreams)
            {
                host["portalUpstreams"] = new JsonArray(upstreams.Select(u => (JsonNode)u).ToArray());
            }

            hosts.Add(host);
        }

        var document = new JsonObject
        {
            ["unapprovedHosts"] = Unapproved,
            ["minLayers"] = _minLayers,
            ["hosts"] = hosts,
            ["scanned"] = new JsonObject
            {
                ["files"] = new JsonArray(_files.Select(f => (JsonNode)f).ToArray()),
                ["bytes"] = _scanner.BytesRead,
                ["lines"] = _scanner.Lines,
                ["records"] = _scanner.Records,
                ["mcpRequests"] = _scanner.McpRequests,
                ["portalRequests"] = _scanner.PortalRequests,
            },
            ["malformedLines"] = new JsonObject
            {
                ["count"] = _scanner.MalformedLines,
                ["first"] = new JsonArray(_scanner.FirstMalformedLines
                    .Select(m => (JsonNode)new JsonObject { ["file"] = m.File, ["line"] = m.Line, ["reason"] = m.Reason })
                    .ToArray()),
            },
        };
        output.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public void WritePlain(TextWriter output)
    {
        if (Rows.Count > 0)
        {
            var table = new List<string[]> { Headers };
            table.AddRange(Rows.Select(Cells));
            var widths = Enumerable.Range(0, Headers.Length).Select(c => table.Max(r => r[c].Length)).ToArray();
            foreach (var cells in table)
            {
                var line = string.Join("  ", cells.Select((cell, c) => c == 3 || c == 5 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])));
                output.WriteLine(line.TrimEnd());
            }

            output.WriteLine();
        }

        output.WriteLine(Summary());
    }

    public void WriteTable(IAnsiConsole console)
    {
        if (Rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            for (var c = 0; c < Headers.Length; c++)
            {
                var column = new TableColumn(new Text(Headers[c], new Style(decoration: Decoration.Bold)));
                table.AddColumn(c == 3 || c == 5 ? column.RightAligned() : column);
            }

            foreach (var row in Rows)
            {
                var cells = Cells(row);
                var approvedStyle = new Style(row.Approved ? Color.Green : Color.Red);
                table.AddRow(cells.Select((cell, c) => (IRenderable)new Text(cell, c == cells.Length - 1 ? approvedStyle : Style.Plain)).ToArray());
            }

            console.Write(table);
        }

        console.Write(new Text(Summary() + Environment.NewLine, new Style(Unapproved > 0 ? Color.Red : Color.Green)));
    }

    /// <summary>Warnings for stderr: how many lines were skipped and where the first ones are.</summary>
    public void WriteMalformed(TextWriter error)
    {
        if (_scanner.MalformedLines == 0)
        {
            return;
        }

        error.WriteLine($"warning: skipped {Plural(_scanner.MalformedLines, "malformed line")}:");
        foreach (var line in _scanner.FirstMalformedLines)
        {
            error.WriteLine($"  {line}");
        }

        var more = _scanner.MalformedLines - _scanner.FirstMalformedLines.Count;
        if (more > 0)
        {
            error.WriteLine($"  ... and {more.ToString("N0", CultureInfo.InvariantCulture)} more");
        }
    }

    private static readonly string[] Headers = ["HOST", "FIRST SEEN", "LAST SEEN", "REQUESTS", "LAYERS", "USERS", "APPROVED"];

    private static string[] Cells(Row row) =>
    [
        row.Activity.Host,
        Time(row.Activity.FirstSeen) ?? "-",
        Time(row.Activity.LastSeen) ?? "-",
        row.Activity.Requests.ToString(CultureInfo.InvariantCulture),
        string.Join(',', DetectionLayerNames.Names(row.Activity.Layers)),
        row.Activity.UserCount.ToString(CultureInfo.InvariantCulture),
        row.Approved ? "yes" : row.PortalUpstreams is { } upstreams ? $"no: portal upstream {string.Join(", ", upstreams)}, bypasses the portal" : "no",
    ];

    private static Row Classify(HostActivity activity, HostAllowList approved, PortalConfiguration? portal) =>
        portal?.UpstreamsAt(activity.Host) is { } upstreams
            ? new Row(activity, Approved: false, upstreams) // Whatever else approves it: people must reach it through the portal.
            : new Row(activity, approved.IsApproved(activity.Host));

    private string Summary()
    {
        var scanned = $"{Plural(_scanner.Records, "request")} from {Plural(_files.Count, "file")}";
        var layers = _minLayers > 1 ? $" (hosts matching at least {_minLayers} layers)" : string.Empty;
        var unapprovedRequests = Rows.Where(r => !r.Approved).Sum(r => r.Activity.Requests);
        var text = Unapproved == 0
            ? $"No unapproved MCP traffic in {scanned}{layers}."
            : $"Unapproved MCP traffic: {Plural(Unapproved, "host")}, {Plural(unapprovedRequests, "request")}, in {scanned}{layers}.";
        if (BypassingPortal > 0)
        {
            text += $" {Plural(BypassingPortal, "host")} of the portal's upstreams reached directly, not through the portal.";
        }

        if (HiddenApproved > 0)
        {
            text += $" {Plural(HiddenApproved, "approved host")} with MCP traffic not shown (--all shows {(HiddenApproved == 1 ? "it" : "them")}).";
        }

        return text;
    }

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

    private static string Plural(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";

    internal sealed record Row(HostActivity Activity, bool Approved, IReadOnlyList<string>? PortalUpstreams = null);
}

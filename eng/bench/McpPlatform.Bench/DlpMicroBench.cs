using System.Diagnostics;
using System.Text.Json;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Bench;

/// <summary>
/// The data-loss scans alone on typical results and arguments, without HTTP or audit: the bench
/// call's JSON issue, English prose with dates and version numbers, non-ASCII prose, and a result
/// with data to redact. Run with <c>--micro-dlp [--operations N]</c>; prints microseconds per scan.
/// </summary>
public static class DlpMicroBench
{
    private const string Prose =
        "Release 2.14.3 shipped on 2024-05-12 at 10:30 UTC. Build 10.0.19045.3803 fixes the printer queue on floor 3; " +
        "see ticket ACME-7 and the notes from the 1.5 h review. Latency fell from 12.5 ms to 9.75 ms (p99 41 ms). ";

    private const string NonAsciiProse =
        "Die Straße wurde am 12. Mai für den Verkehr gesperrt — Umleitung über die Brücke. " +
        "東京の会議は午後三時に始まります。参加者は十二名です。 Ελληνικά κείμενα για δοκιμή. ";

    public static void Run(int operations)
    {
        var dlp = new DlpEngine(new DlpOptions());
        var tool = new McpToolDescriptor { Name = "get_issue", Description = "Issue.", Access = ToolAccess.Read, ToolSet = "bench", InputSchema = """{"type":"object"}""" };
        var issue = ToolResults.Json(writer => JsonSerializer.Serialize(writer, IssueData.Get("ACME-7"), JsonSerializerOptions.Web), structured: true);
        var prose = Text(string.Concat(Enumerable.Repeat(Prose, 10)));
        var nonAscii = Text(string.Concat(Enumerable.Repeat(NonAsciiProse, 10)));
        var sensitive = Text(string.Concat(Enumerable.Repeat(Prose, 5)) + "Refund jane@example.com card 4111 1111 1111 1111.");
        var arguments = new Dictionary<string, JsonElement> { ["key"] = JsonSerializer.SerializeToElement("ACME-7"), ["note"] = JsonSerializer.SerializeToElement(Prose) };

        for (var pass = 0; pass < 3; pass++)
        {
            Console.WriteLine($"pass {pass + 1}:");
            Measure("arguments (key + one sentence)", operations, () => dlp.InspectArguments(tool, arguments));
            Measure("result: issue JSON (text + structured)", operations, () => dlp.RedactResult(tool, issue, out _));
            Measure($"result: ASCII prose, dates/versions ({Length(prose)} chars)", operations, () => dlp.RedactResult(tool, prose, out _));
            Measure($"result: non-ASCII prose ({Length(nonAscii)} chars)", operations, () => dlp.RedactResult(tool, nonAscii, out _));
            Measure($"result: prose with e-mail + card ({Length(sensitive)} chars)", operations, () => dlp.RedactResult(tool, sensitive, out _));
        }
    }

    private static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    private static int Length(CallToolResult result) => ((TextContentBlock)result.Content[0]).Text.Length;

    private static void Measure(string what, int count, Action scan)
    {
        for (var i = 0; i < Math.Max(1, count / 10); i++)
        {
            scan(); // warm-up
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            scan();
        }

        clock.Stop();
        Console.WriteLine($"  {what,-56}{clock.Elapsed.TotalMicroseconds / count,8:F2} us/op {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count,8:F0} B/op");
    }
}

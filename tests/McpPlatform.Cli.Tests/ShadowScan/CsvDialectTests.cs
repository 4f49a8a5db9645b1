using System.Text;
using System.Text.Json;

namespace McpPlatform.Cli.Tests.ShadowScan;

/// <summary>The CSV dialect shadow-scan reads (Sep, RFC 4180 quoting), seen through the command's report.</summary>
public sealed class CsvDialectTests : IDisposable
{
    private const string Header = "time,host,path,user,body";
    private const string ToolsList = "\"{\"\"jsonrpc\"\":\"\"2.0\"\",\"\"id\"\":1,\"\"method\"\":\"\"tools/list\"\"}\"";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteLog(params string[] lines)
    {
        var path = _folder.Combine("gateway.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static JsonElement Report(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    private static JsonElement Host(CliRun run, string host) =>
        Report(run).GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == host);

    private static string[] Users(JsonElement host) => host.GetProperty("users").EnumerateArray().Select(u => u.GetString()!).ToArray();

    [Fact]
    public async Task A_crlf_inside_a_quoted_field_is_kept_exactly()
    {
        var log = WriteLog(
            Header,
            $"2025-06-01T09:00:00Z,mcp.notion.com,/mcp,\"ops\r\nteam\",{ToolsList}",
            $"2025-06-01T09:01:00Z,mcp.notion.com,/mcp,\"lf\nonly\",{ToolsList}");

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["lf\nonly", "ops\r\nteam"], Users(Host(run, "mcp.notion.com")));
        Assert.Equal(5, Report(run).GetProperty("scanned").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task A_jsonrpc_body_pretty_printed_over_crlf_lines_counts_and_later_lines_keep_their_numbers()
    {
        var body = "\"{\r\n  \"\"jsonrpc\"\": \"\"2.0\"\",\r\n  \"\"id\"\": 1,\r\n  \"\"method\"\": \"\"initialize\"\"\r\n}\"";
        var log = WriteLog(
            Header,
            $"2025-06-01T09:00:00Z,rpc.internal.example,/api/rpc,erin,{body}",
            "2025-06-01T09:01:00Z,only,three");

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, Host(run, "rpc.internal.example").GetProperty("requests").GetInt64());
        Assert.Contains($"{log}:7: 3 fields, but the header has 5", run.Stderr);
    }

    [Fact]
    public async Task Doubled_quotes_inside_quoted_fields_are_unescaped()
    {
        var log = WriteLog(
            "\"time\",\"Host\",\"path\",\"client\",\"body\"",
            $"\"2025-06-01T09:00:00Z\",\"mcp.notion.com\",\"/mcp\",\"say \"\"hi\"\", then go\",{ToolsList}",
            $"2025-06-01T09:01:00Z,mcp.notion.com,/mcp,\"\"\"quoted\"\"\",{ToolsList}",
            "2025-06-01T09:02:00Z,mcp.notion.com,/mcp,\"\",\"\"");

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        var notion = Host(run, "mcp.notion.com");
        Assert.Equal(3, notion.GetProperty("requests").GetInt64());
        Assert.Equal(["hostname", "path", "jsonrpc"], notion.GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["\"quoted\"", "say \"hi\", then go"], Users(notion));
        Assert.Equal(0, Report(run).GetProperty("malformedLines").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_stray_quote_is_one_malformed_record_and_the_records_after_it_still_count()
    {
        var log = WriteLog(
            Header,
            "2025-06-01T09:00:00Z,mcp.notion.com,/mcp,al\"ice,",
            $"2025-06-01T09:01:00Z,mcp.notion.com,/mcp,bob,{ToolsList}",
            "2025-06-01T09:02:00Z,mcp.notion.com,/mcp,\"carol\"x,",
            $"2025-06-01T09:03:00Z,mcp.notion.com,/mcp,dave,{ToolsList}");

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{log}:2: field 4 has a quote but is not quoted", run.Stderr);
        Assert.Contains($"{log}:4: field 4 has text after its closing quote", run.Stderr);
        var notion = Host(run, "mcp.notion.com");
        Assert.Equal(2, notion.GetProperty("requests").GetInt64());
        Assert.Equal(["bob", "dave"], Users(notion));
        Assert.Equal(2, Report(run).GetProperty("malformedLines").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_quote_never_closed_is_reported_at_the_line_it_opens()
    {
        var log = WriteLog(
            Header,
            $"2025-06-01T09:00:00Z,mcp.notion.com,/mcp,bob,{ToolsList}",
            "2025-06-01T09:01:00Z,mcp.notion.com,/mcp,carol,\"{\"\"jsonrpc\"\":",
            "2025-06-01T09:02:00Z,mcp.notion.com,/mcp,dave,");

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{log}:3: a quoted field is not closed", run.Stderr);
        Assert.Equal(1, Host(run, "mcp.notion.com").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task A_record_over_16M_characters_is_skipped_and_reading_goes_on_at_the_next_line()
    {
        var log = _folder.Combine("gateway.csv");
        using (var writer = new StreamWriter(log))
        {
            writer.Write(Header + "\r\n");
            writer.Write("2025-06-01T09:00:00Z,mcp.notion.com,/mcp,");
            writer.Write(new string('x', 17 * 1024 * 1024));
            writer.Write(",\r\n");
            writer.Write($"2025-06-01T09:01:00Z,mcp.notion.com,/mcp,bob,{ToolsList}\r\n");
        }

        var run = await CliRun.RunAsync("shadow-scan", log, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{log}:2: longer than 16M characters", run.Stderr);
        Assert.Equal(["bob"], Users(Host(run, "mcp.notion.com")));
        Assert.Equal(3, Report(run).GetProperty("scanned").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task A_file_of_malformed_records_is_a_usage_error_naming_the_first_bad_line()
    {
        var log = WriteLog(Header, "2025-06-01T09:00:00Z,mcp.notion.com,/mcp", "2025-06-01T09:00:00Z,mcp.notion.com");

        var run = await CliRun.RunAsync("shadow-scan", log);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{log}:2: no line is a CSV log record (3 fields, but the header has 5); check the file or --format", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_malformed_header_is_a_usage_error_naming_the_line()
    {
        var log = WriteLog("time,\"host,path,body");

        var run = await CliRun.RunAsync("shadow-scan", log);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{log}:1: the CSV header is malformed: field 2 has an unterminated quote", run.Stderr);
    }
}

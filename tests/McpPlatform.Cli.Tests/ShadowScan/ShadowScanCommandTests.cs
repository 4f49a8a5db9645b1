using System.Text.Json;

namespace McpPlatform.Cli.Tests.ShadowScan;

public sealed class ShadowScanCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string AllowList()
    {
        var path = _folder.Combine("approved.txt");
        File.WriteAllText(path, GatewayLog.AllowList);
        return path;
    }

    private string Log(string format, params string[] malformed) => format == "csv"
        ? GatewayLog.WriteCsv(_folder.Combine("gateway.csv"), malformed)
        : GatewayLog.WriteJsonLines(_folder.Combine("gateway.jsonl"), malformed);

    private static JsonElement[] Hosts(CliRun run) =>
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("hosts").EnumerateArray().ToArray();

    private static JsonElement Host(CliRun run, string host) => Hosts(run).Single(h => h.GetProperty("host").GetString() == host);

    private static string[] Layers(JsonElement host) => host.GetProperty("layers").EnumerateArray().Select(l => l.GetString()!).ToArray();

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Reports_exactly_the_unapproved_mcp_hosts_with_counts_times_and_layers(string format)
    {
        var run = await CliRun.RunAsync("shadow-scan", Log(format), "--approved", AllowList(), "--json");

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Equal(
            [GatewayLog.NotionHost, GatewayLog.InternalRpcHost, GatewayLog.AgentHost],
            Hosts(run).Select(h => h.GetProperty("host").GetString()));
        Assert.All(Hosts(run), h => Assert.False(h.GetProperty("approved").GetBoolean()));

        var notion = Host(run, GatewayLog.NotionHost);
        Assert.Equal(3, notion.GetProperty("requests").GetInt64());
        Assert.Equal("2025-06-01T09:00:00Z", notion.GetProperty("firstSeen").GetString());
        Assert.Equal("2025-06-01T09:30:00Z", notion.GetProperty("lastSeen").GetString());
        Assert.Equal(["hostname", "path", "jsonrpc"], Layers(notion));
        Assert.Equal(["alice", "bob"], notion.GetProperty("users").EnumerateArray().Select(u => u.GetString()));

        var agent = Host(run, GatewayLog.AgentHost);
        Assert.Equal(1, agent.GetProperty("requests").GetInt64());
        Assert.Equal(["path", "jsonrpc"], Layers(agent));
        Assert.Equal("2025-06-01T10:00:00Z", agent.GetProperty("firstSeen").GetString());

        // Two JSON-RPC requests (one pretty-printed over several lines, one a batch); the health check is not MCP.
        var internalRpc = Host(run, GatewayLog.InternalRpcHost);
        Assert.Equal(2, internalRpc.GetProperty("requests").GetInt64());
        Assert.Equal(["jsonrpc"], Layers(internalRpc));
        Assert.Equal("2025-06-01T11:00:00Z", internalRpc.GetProperty("firstSeen").GetString());
        Assert.Equal("2025-06-01T11:05:00Z", internalRpc.GetProperty("lastSeen").GetString());
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Json_report_has_totals_and_no_malformed_lines_for_a_clean_log(string format)
    {
        var run = await CliRun.RunAsync("shadow-scan", Log(format), "--approved", AllowList(), "--json");

        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(3, root.GetProperty("unapprovedHosts").GetInt32());
        Assert.Equal(1, root.GetProperty("minLayers").GetInt32());
        var scanned = root.GetProperty("scanned");
        Assert.Equal(GatewayLog.Requests.Count, scanned.GetProperty("records").GetInt64());
        Assert.Equal(8, scanned.GetProperty("mcpRequests").GetInt64()); // 2 approved + 3 + 1 + 2
        Assert.Equal(0, root.GetProperty("malformedLines").GetProperty("count").GetInt64());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task All_also_lists_approved_hosts_marked_approved()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", AllowList(), "--json", "--all");

        var approved = Host(run, GatewayLog.ApprovedHost);
        Assert.True(approved.GetProperty("approved").GetBoolean());
        Assert.Equal(2, approved.GetProperty("requests").GetInt64());
        Assert.Equal(["hostname", "path", "jsonrpc"], Layers(approved));
        Assert.Equal(4, Hosts(run).Length);
        Assert.Equal(GatewayLog.ApprovedHost, Hosts(run)[^1].GetProperty("host").GetString()); // unapproved first
    }

    [Fact]
    public async Task Redirected_output_is_a_plain_aligned_table_with_a_summary()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", AllowList());

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("HOST ", lines[0]);
        Assert.Contains("FIRST SEEN", lines[0]);
        Assert.Contains("APPROVED", lines[0]);
        Assert.Matches(@"^mcp\.notion\.com +2025-06-01T09:00:00Z +2025-06-01T09:30:00Z +3 +hostname,path,jsonrpc +2 +no$", lines[1]);
        Assert.Matches(@"^rpc\.internal\.example +.* +2 +jsonrpc +1 +no$", lines[2]);
        Assert.Matches(@"^agents\.example\.net +.* +1 +path,jsonrpc +1 +no$", lines[3]);
        Assert.Equal(lines[0].IndexOf("LAST SEEN", StringComparison.Ordinal), lines[1].IndexOf("2025-06-01T09:30", StringComparison.Ordinal));
        Assert.Contains("Unapproved MCP traffic: 3 hosts, 6 requests", run.Stdout);
        Assert.Contains("1 approved host with MCP traffic not shown", run.Stdout);
        Assert.DoesNotContain("\u001b[", run.Stdout); // no ANSI escapes when redirected
        Assert.DoesNotContain(GatewayLog.ApprovedHost, run.Stdout);
    }

    [Fact]
    public async Task Exit_code_is_0_when_every_mcp_host_is_approved()
    {
        var run = await CliRun.RunAsync(
            "shadow-scan", Log("jsonl"), "--approved", AllowList(),
            "--approve", GatewayLog.NotionHost, "--approve", "*.example.net", "--approve", "RPC.internal.example:8443");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No unapproved MCP traffic in 15 requests from 1 file.", run.Stdout);
        Assert.DoesNotContain("HOST", run.Stdout);
    }

    [Fact]
    public async Task Min_layers_2_drops_hosts_seen_by_one_layer_only()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", AllowList(), "--json", "--min-layers", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([GatewayLog.NotionHost, GatewayLog.AgentHost], Hosts(run).Select(h => h.GetProperty("host").GetString()));
        Assert.Equal(2, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("unapprovedHosts").GetInt32());

        var three = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", AllowList(), "--json", "--min-layers", "3");
        Assert.Equal([GatewayLog.NotionHost], Hosts(three).Select(h => h.GetProperty("host").GetString()));
    }

    [Fact]
    public async Task Without_an_allow_list_every_mcp_host_is_unapproved_and_a_warning_says_so()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(4, Hosts(run).Length);
        Assert.Contains("no allow-list given", run.Stderr);
    }

    [Fact]
    public async Task Malformed_json_lines_are_reported_with_file_and_line_and_skipped()
    {
        var log = Log("jsonl", "this is not json", """{"path":"/mcp","body":null}""", """{"host":"mcp.notion.com","path":"/mcp","time":"yesterday"}""", """{"host":"x.example","path":"/mcp",""");

        var run = await CliRun.RunAsync("shadow-scan", log, "--approved", AllowList(), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, Host(run, GatewayLog.NotionHost).GetProperty("requests").GetInt64());
        var malformed = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("malformedLines");
        Assert.Equal(4, malformed.GetProperty("count").GetInt64());
        Assert.Equal([3L, 4L, 5L, 6L], malformed.GetProperty("first").EnumerateArray().Select(m => m.GetProperty("line").GetInt64()));
        Assert.Contains("warning: skipped 4 malformed lines:", run.Stderr);
        Assert.Contains($"{log}:3: invalid JSON", run.Stderr);
        Assert.Contains($"{log}:4: no \"host\"", run.Stderr);
        Assert.Contains($"{log}:5: the time 'yesterday' is not an ISO 8601 date and time", run.Stderr);
        Assert.Contains($"{log}:6: invalid JSON", run.Stderr);
    }

    [Fact]
    public async Task Only_the_first_five_malformed_lines_are_listed()
    {
        var log = Log("jsonl", Enumerable.Repeat("{broken", 7).ToArray());

        var run = await CliRun.RunAsync("shadow-scan", log, "--approved", AllowList());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning: skipped 7 malformed lines:", run.Stderr);
        Assert.Equal(5, run.Stderr.Split('\n').Count(l => l.StartsWith($"  {log}:", StringComparison.Ordinal)));
        Assert.Contains("  ... and 2 more", run.Stderr);
    }

    [Fact]
    public async Task Malformed_csv_records_are_reported_and_skipped()
    {
        var log = Log("csv", "2025-06-01T09:00:00Z,only,three", "2025-06-01T09:00:00Z, ,POST,/mcp,x,", "2025-06-01T09:00:00Z,a\"b.example,POST,/mcp,x,");

        var run = await CliRun.RunAsync("shadow-scan", log, "--approved", AllowList(), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, Hosts(run).Length);
        Assert.Contains($"{log}:4: 3 fields, but the header has 6", run.Stderr);
        Assert.Contains($"{log}:5: the host is empty", run.Stderr);
        Assert.Contains($"{log}:6: field 2 has a quote but is not quoted", run.Stderr);
    }

    [Fact]
    public async Task Counts_and_times_add_up_across_files_of_both_formats()
    {
        var jsonl = Log("jsonl");
        var csv = Log("csv");

        var run = await CliRun.RunAsync("shadow-scan", jsonl, csv, "--approved", AllowList(), "--json");

        Assert.Equal(6, Host(run, GatewayLog.NotionHost).GetProperty("requests").GetInt64());
        Assert.Equal(2 * GatewayLog.Requests.Count, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("scanned").GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Format_option_overrides_the_extension()
    {
        var log = _folder.Combine("gateway.log");
        File.Copy(Log("csv"), log);

        var run = await CliRun.RunAsync("shadow-scan", log, "--format", "csv", "--approved", AllowList(), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, Hosts(run).Length);
    }

    [Fact]
    public async Task Known_hosts_file_adds_hosts_and_path_prefixes()
    {
        var log = _folder.Combine("gateway.jsonl");
        File.WriteAllLines(log,
        [
            """{"host":"tools.vendor.example","path":"/","body":null}""",
            """{"host":"api.vendor.example","path":"/agent/x","body":null}""",
            """{"host":"api.vendor.example","path":"/v2/orders","body":null}""",
            """{"host":"api.githubcopilot.com","path":"/mcp/","body":null}""",
            """{"host":"api.githubcopilot.com","path":"/chat/completions","body":null}""",
        ]);
        var known = _folder.Combine("known.txt");
        File.WriteAllText(known, "# vendor MCP endpoints\ntools.vendor.example\napi.vendor.example/agent\n");

        var run = await CliRun.RunAsync("shadow-scan", log, "--known-hosts", known, "--json");

        Assert.Equal(["api.githubcopilot.com", "api.vendor.example", "tools.vendor.example"], Hosts(run).Select(h => h.GetProperty("host").GetString()));
        Assert.All(Hosts(run), h => Assert.Equal(1, h.GetProperty("requests").GetInt64()));
        Assert.Equal(["hostname", "path"], Layers(Host(run, "api.githubcopilot.com")));
        Assert.Equal(JsonValueKind.Null, Host(run, "api.vendor.example").GetProperty("firstSeen").ValueKind);
    }

    [Fact]
    public async Task A_missing_log_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("shadow-scan", _folder.Combine("nope.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.jsonl' does not exist", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_extension_without_format_is_a_usage_error()
    {
        var log = _folder.Combine("gateway.txt");
        File.WriteAllText(log, "");

        var run = await CliRun.RunAsync("shadow-scan", log);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format jsonl|csv", run.Stderr);
    }

    [Fact]
    public async Task A_csv_header_without_a_body_column_is_a_usage_error_naming_the_file_and_line()
    {
        var log = _folder.Combine("gateway.csv");
        File.WriteAllText(log, "\ntime,host,path\n2025-06-01T09:00:00Z,mcp.notion.com,/mcp\n");

        var run = await CliRun.RunAsync("shadow-scan", log);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{log}:2: the CSV header has no body column", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_log_in_the_wrong_format_is_a_usage_error_naming_the_file_and_line()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("csv"), "--format", "jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gateway.csv:1: no line is a JSON Lines log record", run.Stderr);
    }

    [Fact]
    public async Task A_bad_allow_list_entry_is_a_usage_error_naming_the_file_and_line()
    {
        var approved = _folder.Combine("approved.txt");
        File.WriteAllText(approved, "# ok\nmcp.corp.example.com\nhttps://mcp.corp.example.com/mcp\n");

        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", approved);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{approved}:3: 'https://mcp.corp.example.com/mcp' is not a host name", run.Stderr);
    }

    [Fact]
    public async Task An_unreadable_allow_list_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--approved", _folder.Combine("missing.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.txt", run.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    public async Task Min_layers_outside_1_to_3_is_a_usage_error(string value)
    {
        var run = await CliRun.RunAsync("shadow-scan", Log("jsonl"), "--min-layers", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--min-layers", run.Stderr);
    }

    [Fact]
    public async Task Help_documents_the_layers_formats_and_exit_codes()
    {
        var run = (await CliRun.RunAsync("shadow-scan", "--help")).EnsureSuccess();

        Assert.Contains("JSON Lines (.jsonl, .ndjson, .json)", run.Stdout);
        Assert.Contains("CSV (.csv): a header row with at least host,path,body", run.Stdout);
        Assert.Contains("--min-layers", run.Stdout);
        Assert.Contains("Exit codes: 0 no unapproved MCP traffic, 1 unapproved MCP traffic found, 2 usage error.", run.Stdout);
    }
}

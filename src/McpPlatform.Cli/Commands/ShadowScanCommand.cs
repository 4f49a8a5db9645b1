using System.CommandLine;
using System.CommandLine.Parsing;
using McpPlatform.Cli.ShadowScan;
using Spectre.Console;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform shadow-scan LOG...</c>: finds shadow MCP, i.e. MCP traffic in web-gateway or proxy logs to
/// servers that are not on the allow-list of approved servers. Three detection layers, after the source
/// document: known MCP host names and <c>mcp.*</c> hosts; MCP paths (<c>/mcp</c>, <c>/mcp/sse</c>); and
/// JSON-RPC 2.0 bodies with MCP methods (<c>initialize</c>, <c>tools/call</c>, ...).
/// </summary>
/// <remarks>
/// <para>Input, one request a line (details on <see cref="ShadowScanner"/>):</para>
/// <list type="bullet">
/// <item><description>JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>): objects with <c>host</c>, <c>path</c>,
/// optional <c>body</c> (string, JSON object or null), <c>time</c>/<c>timestamp</c> (ISO 8601), <c>method</c>,
/// <c>user</c>/<c>client</c>.</description></item>
/// <item><description>CSV (<c>.csv</c>): a header row with at least <c>host,path,body</c> (optional
/// <c>time</c>/<c>timestamp</c>, <c>user</c>/<c>client</c>), RFC 4180 quoting.</description></item>
/// </list>
/// <para>With <c>--portal</c>, a portal's configuration adds to the allow-list (<see cref="PortalConfiguration"/>): its
/// upstreams' hosts are to be reached only through the portal, so MCP traffic to them is reported unless the portal
/// itself made it (<c>--portal-client</c>).</para>
/// <para>Exit codes: 0 no unapproved MCP traffic; 1 unapproved MCP traffic found; 2 usage error (a missing or
/// unreadable file, a file not in the format, a bad allow-list entry), naming the file and line.</para>
/// </remarks>
internal sealed class ShadowScanCommand : Command
{
    /// <summary>The exit code when unapproved MCP traffic is found.</summary>
    public const int UnapprovedTrafficFound = ExitCodes.Failure;

    private readonly Argument<string[]> _logs = new("LOG")
    {
        Description = "Web-gateway or proxy log files (JSON Lines or CSV; see above).",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string[]> _approvedFiles = new("--approved")
    {
        Description = "An allow-list file of approved MCP servers: one host a line, '#' comments, wildcards like *.corp.example.com "
            + "(hosts below the domain). Repeatable.",
        HelpName = "file",
    };

    private readonly Option<string[]> _approve = new("--approve")
    {
        Description = "An approved MCP host or wildcard, in addition to --approved; repeatable.",
        HelpName = "host",
    };

    private readonly Option<string[]> _knownHosts = new("--known-hosts")
    {
        Description = "Extra known MCP hosts, one a line ('#' comments): a host, a wildcard, or host/path-prefix (api.example.com/mcp). "
            + "Adds to the built-in starting list of public remote MCP servers (mcp.notion.com, mcp.stripe.com, api.githubcopilot.com/mcp, ...). Repeatable.",
        HelpName = "file",
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description = "The log format, for every LOG: jsonl or csv. Default: from each file's extension (.jsonl/.ndjson/.json or .csv).",
        HelpName = "jsonl|csv",
    };

    private readonly Option<int> _minLayers = new("--min-layers")
    {
        Description = "How many of the three layers (hostname, path, jsonrpc) a host's traffic must match to be reported. "
            + "1 (default) also reports hostname-only and path-only hits; 2 or 3 report only stronger evidence.",
        HelpName = "1-3",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> _portal = new("--portal")
    {
        Description = "A portal's appsettings.json: the hosts of its upstreams (McpPlatform:Portal:Upstreams:*:Url) must be reached only "
            + "through the portal, so MCP traffic to them is reported (even if an allow-list approves them); the hosts the portal "
            + "answers on (McpPlatform:AllowedHosts) are approved.",
        HelpName = "appsettings.json",
    };

    private readonly Option<string[]> _portalClient = new("--portal-client")
    {
        Description = "With --portal: the user or client the log records for the portal's own requests; its requests to upstream hosts "
            + "are the portal at work and are not reported. Repeatable.",
        HelpName = "name",
    };

    private readonly Option<bool> _all = new("--all")
    {
        Description = "Also list approved hosts with MCP traffic.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the report as JSON: {unapprovedHosts, minLayers, hosts: [{host, approved, requests, firstSeen, lastSeen, layers, users}], scanned, malformedLines}.",
    };

    /// <summary>Creates the command with its argument, options and action.</summary>
    public ShadowScanCommand()
        : base("shadow-scan", Help)
    {
        _format.AcceptOnlyFromAmong([.. LogFormats.Names]);
        _minLayers.Validators.Add(ValidateMinLayers);
        Arguments.Add(_logs);
        Options.Add(_approvedFiles);
        Options.Add(_approve);
        Options.Add(_knownHosts);
        Options.Add(_format);
        Options.Add(_minLayers);
        Options.Add(_portal);
        Options.Add(_portalClient);
        Options.Add(_all);
        Options.Add(_json);
        SetAction(Run);
    }

    private const string Help =
        "Finds shadow MCP: MCP traffic in web-gateway or proxy logs to servers not on the allow-list.\n"
        + "A request is MCP traffic when it matches one of three layers:\n"
        + "  hostname  a known MCP host (built-in starting list, --known-hosts) or any mcp.* host\n"
        + "  path      the path ends in /mcp, /mcp/ or /mcp/sse (e.g. /mcp, /v1/mcp; not /mcp-docs)\n"
        + "  jsonrpc   a JSON-RPC 2.0 body whose method is MCP's (initialize, tools/call, tools/list, resources/read,\n"
        + "            resources/list, prompts/list, prompts/get, sampling/createMessage, notifications/initialized,\n"
        + "            roots/list, ...) or whose params carry an MCP protocolVersion (2024-..-.. to 2029-..-..)\n"
        + "Log formats, one request a line:\n"
        + "  JSON Lines (.jsonl, .ndjson, .json): {\"time\":\"2025-06-01T09:00:00Z\",\"host\":\"mcp.notion.com\",\"path\":\"/mcp\",\n"
        + "    \"method\":\"POST\",\"user\":\"alice\",\"body\":\"{\\\"jsonrpc\\\":\\\"2.0\\\",...}\"}  host and path required; body a string,\n"
        + "    a JSON object or null; time/timestamp (ISO 8601), method and user/client optional.\n"
        + "  CSV (.csv): a header row with at least host,path,body (optional time or timestamp, user or client), RFC 4180\n"
        + "    quoting: a field with commas, quotes or line breaks in double quotes, quotes doubled.\n"
        + "With --portal appsettings.json, the portal's upstream hosts are reached only through the portal: MCP traffic\n"
        + "  to them is reported (except the portal's own, --portal-client), and the portal's AllowedHosts are approved.\n"
        + "Malformed lines are counted and skipped; the first 5 are listed on stderr with file:line.\n"
        + "Exit codes: 0 no unapproved MCP traffic, 1 unapproved MCP traffic found, 2 usage error.";

    private Task<int> Run(ParseResult parseResult, CancellationToken cancellationToken) => Task.FromResult(Scan(parseResult, cancellationToken));

    private int Scan(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var logs = parseResult.GetRequiredValue(_logs);
        var formatName = parseResult.GetValue(_format);
        var minLayers = parseResult.GetValue(_minLayers);

        // Everything that can be wrong with the arguments is reported before the (long) scan starts.
        var inputs = new List<(string Path, LogFormat Format, long Length)>();
        foreach (var log in logs)
        {
            var format = formatName is null ? LogFormats.FromPath(log) : LogFormats.Parse(formatName);
            if (!File.Exists(log))
            {
                return Usage(error, Directory.Exists(log) ? $"LOG '{log}' is a directory, not a log file." : $"LOG '{log}' does not exist.");
            }

            if (format is null)
            {
                return Usage(error, $"cannot tell the format of '{log}' from its extension; name it .jsonl, .ndjson, .json or .csv, or use --format jsonl|csv.");
            }

            inputs.Add((log, format.Value, new FileInfo(log).Length));
        }

        var approved = new HostAllowList();
        var knownHosts = KnownMcpHosts.BuiltIn();
        PortalConfiguration? portal = null;
        try
        {
            if (parseResult.GetValue(_portal) is { } portalFile)
            {
                portal = PortalConfiguration.Read(portalFile);
                foreach (var host in portal.PortalHosts)
                {
                    if (!HostPattern.TryParse(host, out _, out var problem))
                    {
                        return Usage(error, $"--portal: {portalFile}: McpPlatform:AllowedHosts entry '{host}': {problem}");
                    }

                    approved.Add(host);
                }
            }
            else if ((parseResult.GetValue(_portalClient) ?? []).Length > 0)
            {
                return Usage(error, "--portal-client needs --portal (the portal's appsettings.json).");
            }

            foreach (var file in parseResult.GetValue(_approvedFiles) ?? [])
            {
                approved.AddFile(file);
            }

            foreach (var host in parseResult.GetValue(_approve) ?? [])
            {
                approved.Add(host);
            }

            foreach (var file in parseResult.GetValue(_knownHosts) ?? [])
            {
                knownHosts.AddFile(file);
            }
        }
        catch (ArgumentException e)
        {
            return Usage(error, $"--approve: {e.Message.Split(" (Parameter", 2)[0]}.");
        }
        catch (ScanInputException e)
        {
            return Usage(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(error, $"cannot read: {e.Message}");
        }

        if (approved.Count == 0 && portal is null)
        {
            error.WriteLine("warning: no allow-list given (--approved FILE or --approve HOST); every MCP host counts as unapproved.");
        }

        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var scanner = new ShadowScanner(new McpTrafficDetector(knownHosts));
        if (portal is not null)
        {
            scanner.IgnorePortalRequests(portal.UpstreamHosts, parseResult.GetValue(_portalClient) ?? []);
        }
        try
        {
            if (interactive)
            {
                ScanWithProgress(scanner, inputs, cancellationToken);
            }
            else
            {
                foreach (var input in inputs)
                {
                    scanner.ScanFile(input.Path, input.Format, cancellationToken: cancellationToken);
                }
            }
        }
        catch (ScanInputException e)
        {
            return Usage(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(error, $"cannot read a log: {e.Message}");
        }

        var report = new ShadowScanReport(scanner, approved, logs, minLayers, parseResult.GetValue(_all), portal);
        if (parseResult.GetValue(_json))
        {
            report.WriteJson(output);
        }
        else if (interactive)
        {
            report.WriteTable(AnsiConsole.Console);
        }
        else
        {
            report.WritePlain(output);
        }

        report.WriteMalformed(error);
        return report.Unapproved > 0 ? UnapprovedTrafficFound : ExitCodes.Success;
    }

    private static void ScanWithProgress(ShadowScanner scanner, List<(string Path, LogFormat Format, long Length)> inputs, CancellationToken cancellationToken)
    {
        var total = Math.Max(1, inputs.Sum(i => i.Length));
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Scanning", maxValue: total);
                var done = 0L;
                foreach (var input in inputs)
                {
                    task.Description = Markup.Escape(Path.GetFileName(input.Path));
                    scanner.ScanFile(input.Path, input.Format, bytes => task.Value = done + bytes, cancellationToken);
                    done += input.Length;
                }

                task.Value = total;
            });
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    private static void ValidateMinLayers(OptionResult result)
    {
        var value = result.GetValueOrDefault<int>();
        if (value is < 1 or > 3)
        {
            result.AddError($"--min-layers: {value} is out of range; a host can match 1, 2 or 3 layers.");
        }
    }
}

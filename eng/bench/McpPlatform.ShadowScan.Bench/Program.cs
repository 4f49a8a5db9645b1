using System.Diagnostics;
using System.Globalization;
using McpPlatform.Cli.ShadowScan;
using McpPlatform.ShadowScan.Bench;

// Usage: dotnet run -c Release --project eng/bench/McpPlatform.ShadowScan.Bench -- [--size-mb N] [--format jsonl|csv]
var sizeMb = 1024L;
var csv = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size-mb" when i + 1 < args.Length && long.TryParse(args[i + 1], out var mb) && mb > 0:
            sizeMb = mb;
            i++;
            break;
        case "--format" when i + 1 < args.Length && args[i + 1] is "jsonl" or "csv":
            csv = args[++i] == "csv";
            break;
        default:
            Console.Error.WriteLine("usage: McpPlatform.ShadowScan.Bench [--size-mb N (default 1024)] [--format jsonl|csv]");
            return 2;
    }
}

var path = Path.Combine(Path.GetTempPath(), $"mcp-shadow-scan-bench-{Environment.ProcessId}.{(csv ? "csv" : "jsonl")}");
try
{
    Console.WriteLine($"Generating {sizeMb} MB {(csv ? "CSV" : "JSON Lines")} gateway log at {path} ...");
    var generate = Stopwatch.StartNew();
    var lines = GatewayLogGenerator.Write(path, sizeMb * 1024 * 1024, csv);
    var size = new FileInfo(path).Length;
    Console.WriteLine($"  {lines:N0} lines, {size / 1048576.0:N0} MB in {generate.Elapsed.TotalSeconds:N1} s");

    GC.Collect();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var peakBefore = process.PeakWorkingSet64;
    var workingSetBefore = process.WorkingSet64;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

    var approved = new HostAllowList();
    approved.Add("*.corp.example.com");
    var scanner = new ShadowScanner(new McpTrafficDetector(KnownMcpHosts.BuiltIn()));
    var scan = Stopwatch.StartNew();
    scanner.ScanFile(path, csv ? LogFormat.Csv : LogFormat.JsonLines);
    scan.Stop();

    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    process.Refresh();
    var mbPerSecond = size / 1048576.0 / scan.Elapsed.TotalSeconds;
    Console.WriteLine($"Scanned {scanner.Lines:N0} lines in {scan.Elapsed.TotalSeconds:N2} s: {mbPerSecond:N0} MB/s, {scanner.Lines / scan.Elapsed.TotalSeconds:N0} lines/s");
    Console.WriteLine($"  MCP requests: {scanner.McpRequests:N0} ({100.0 * scanner.McpRequests / Math.Max(1, scanner.Records):N2}%), malformed lines: {scanner.MalformedLines:N0}");
    foreach (var host in scanner.Hosts.OrderByDescending(h => h.Requests))
    {
        Console.WriteLine($"  {host.Host,-22} {host.Requests,9:N0}  {string.Join(',', DetectionLayerNames.Names(host.Layers)),-22} {(approved.IsApproved(host.Host) ? "approved" : "UNAPPROVED")}");
    }

    Console.WriteLine($"Memory: peak working set {Mb(peakBefore)} before the scan, {Mb(process.PeakWorkingSet64)} after (working set {Mb(workingSetBefore)} -> {Mb(process.WorkingSet64)}); "
        + $"managed allocations during the scan {allocated / 1048576.0:N1} MB ({(double)allocated / Math.Max(1, scanner.Lines):N2} bytes/line)");
    return 0;
}
finally
{
    File.Delete(path);
}

static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Tests.Gate;

/// <summary>
/// The gate core with real engines: a policy, the data rules (built-ins plus <c>account-number</c>, which
/// blocks), the caller's limiters and an audit log writing its CLEF file to a temp folder. No HTTP server, no SDK.
/// </summary>
internal sealed class GateRig : IAsyncDisposable
{
    public static readonly McpToolDescriptor SearchIssues = Tool("search_issues", ToolAccess.Read);
    public static readonly McpToolDescriptor CreateIssue = Tool("create_issue", ToolAccess.Write);

    /// <summary>An engineer whose token carries the write scope: the <c>engineering-write</c> rule lets it file issues.</summary>
    public static readonly CallerIdentity Engineer = new() { Subject = "ada", Groups = ["engineering"], Scopes = ["mcp:read", "mcp:write"] };

    /// <summary>A caller no rule grants writes to.</summary>
    public static readonly CallerIdentity Reader = new() { Subject = "bob", Scopes = ["mcp:read"] };

    private readonly AuditLog _log;
    private readonly CallerRateLimits _limits;
    private bool _disposed;

    private GateRig(string folder, AuditLog log, CallerRateLimits limits, GovernanceGate gate)
    {
        Folder = folder;
        _log = log;
        _limits = limits;
        Gate = gate;
    }

    /// <summary>The audit folder.</summary>
    public string Folder { get; }

    /// <summary>The gate under test.</summary>
    public GovernanceGate Gate { get; }

    /// <summary>
    /// Builds the rig. <paramref name="prepareFolder"/> runs on the empty audit folder before the log opens it
    /// (to point the audit file at <c>/dev/full</c>, say).
    /// </summary>
    public static GateRig Start(
        RateLimitOptions? limits = null,
        bool failClosedReads = false,
        bool governed = true,
        Action<string>? prepareFolder = null,
        IReadOnlyList<IToolAdmissionRule>? admissionRules = null,
        params McpToolDescriptor[] tools)
    {
        var catalog = new ToolDescriptorSet(tools.Length > 0 ? tools : [SearchIssues, CreateIssue]);
        var policy = new PolicyDecisionPoint(
            new PolicyOptions
            {
                Rules =
                [
                    new PolicyRule { Name = "engineering-write", Groups = ["engineering"], Tools = ["issues/*"], Access = ["Read", "Write"], Scopes = ["mcp:write"] },
                ],
            },
            catalog);
        var dlp = new DlpEngine(
            new DlpOptions { Rules = [new DlpRule { Name = "account-number", Pattern = @"\bACCT-[0-9]{6}\b", Action = "Block" }] },
            catalog);
        var rateLimits = new CallerRateLimits(Options.Create(limits ?? new RateLimitOptions { Enabled = false }));

        var folder = Directory.CreateTempSubdirectory("mcpplatform-gate-test-").FullName;
        prepareFolder?.Invoke(folder);
        var options = new AuditOptions { Directory = folder, Console = false };
        var failures = new AuditSinkFailures();
        var batching = new AuditFileBatching();
        var logger = AuditLoggerFactory.Create(new ConfigurationBuilder().Build(), options, folder, failures, batching);
        var log = new AuditLog(
            logger,
            failures,
            batching,
            options.FlushInterval,
            AuditFieldLimits.Default,
            new AuditServerInfo("gate-tests", "1.0.0", "sha256:none"),
            NullLogger<AuditLog>.Instance,
            AuditChainKey.FromSecret(AuditChainKey.NewSecret()),
            checkpoints: null,
            options.CheckpointInterval);
        var gate = new GovernanceGate(policy, dlp, rateLimits, log, new GateSettings(governed, failClosedReads), admissionRules);
        return new GateRig(folder, log, rateLimits, gate);
    }

    /// <summary>A descriptor as any source of tools would make it: tool set <c>issues</c>.</summary>
    public static McpToolDescriptor Tool(string name, ToolAccess access, ToolOrigin origin = ToolOrigin.Generated) => new()
    {
        Name = name,
        Description = "A test tool.",
        Access = access,
        ToolSet = "issues",
        InputSchema = """{"type":"object","properties":{"note":{"type":"string"}}}""",
        ArgumentNames = ["note"],
        Origin = origin,
    };

    /// <summary>The arguments <c>{ "note": <paramref name="note"/> }</c>.</summary>
    public static Dictionary<string, JsonElement> Note(string note) =>
        new(StringComparer.Ordinal) { ["note"] = JsonSerializer.SerializeToElement(note) };

    /// <summary>A fresh request record, as the host starts one for every request.</summary>
    public static AuditRecord NewRecord(string requestId) => new() { Method = "tools/call", RequestId = requestId, Subject = "test" };

    /// <summary>Writes the request record once the call has ended, as the host does.</summary>
    public ValueTask WriteAsync(AuditRecord record) => _log.WriteAsync(record, durable: false);

    /// <summary>The records on disk now (the intent record of an allowed governed call is there before the tool runs).</summary>
    public IReadOnlyList<JsonElement> RecordsOnDisk()
    {
        var records = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(Folder, "*.clef").Order(StringComparer.Ordinal))
        {
            if (new FileInfo(file).LinkTarget is not null)
            {
                continue; // pointed at /dev/full
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    using var document = JsonDocument.Parse(line);
                    records.Add(document.RootElement.Clone());
                }
            }
        }

        return records;
    }

    /// <summary>Closes the log (flushing every record) and returns what it wrote.</summary>
    public async Task<IReadOnlyList<JsonElement>> CloseAsync()
    {
        await _log.DisposeAsync();
        _disposed = true;
        return RecordsOnDisk();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            await _log.DisposeAsync();
        }

        _limits.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Reads a field of a CLEF audit record.</summary>
internal static class AuditLineFields
{
    public static string? Field(this JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> OfKind(this IEnumerable<JsonElement> records, string kind) =>
        records.Where(r => r.Field(AuditFields.Kind) == kind);
}

/// <summary>
/// Points the audit files the rolling sink would open around now at <c>/dev/full</c>, where every write
/// fails as on a full disk, even for root (unlike file permissions).
/// </summary>
internal static class FullDevice
{
    public static bool Exists => File.Exists("/dev/full");

    /// <summary>Yesterday's, today's and tomorrow's file names (local date, as the rolling sink names them), so midnight cannot escape.</summary>
    public static void BackTodaysAuditFiles(string folder)
    {
        foreach (var day in new[] { -1, 0, 1 })
        {
            File.CreateSymbolicLink(Path.Combine(folder, $"audit-{DateTime.Now.AddDays(day):yyyyMMdd}.clef"), "/dev/full");
        }
    }
}

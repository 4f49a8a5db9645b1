using System.Globalization;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Fleet;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Quarantine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace McpPlatform.Portal.Fleet;

/// <summary>
/// Shares this portal replica's quarantine holds and approved manifest with the fleet through Redis
/// (<see cref="PortalFleetScript"/>): at once when a hold or release happens, and every third of
/// <see cref="RedisOptions.QuarantineHoldLifetime"/> to renew them and read the others'. A replica is
/// <c>{Audit Replica}/{random}</c>, so two processes with one configured id never clear each other's holds.
/// </summary>
internal sealed partial class PortalFleetSync(
    RedisConnection connection,
    FleetQuarantine fleet,
    UpstreamToolQuarantine quarantine,
    PortalManifest manifest,
    IOptions<AuditOptions> audit,
    ILogger<PortalFleetSync> logger) : BackgroundService
{
    private readonly string _replica = audit.Value.Replica.Replace('\n', ' ') + "/" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];
    private bool _unavailableLogged;
    private string? _manifestProblemLogged;

    /// <summary>This replica's entry in Redis: its approval time and manifest hash ("none" without an approval).</summary>
    private string ManifestEntry => manifest.Approved is { } approved
        ? approved.Approval.ApprovedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\t" + approved.Manifest.Hash
        : "0\tnone";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = fleet.HoldLifetime / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            await SyncOnceAsync().ConfigureAwait(false);
            try
            {
                await fleet.WaitForChangeAsync(interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round trip: publish this replica's holds, read every live replica's. Never throws.</summary>
    public async Task SyncOnceAsync()
    {
        var holds = quarantine.LocalHolds();
        var arguments = new List<RedisValue> { (long)fleet.HoldLifetime.TotalMilliseconds, _replica, ManifestEntry };
        foreach (var (tool, reason) in holds)
        {
            arguments.Add(tool);
            arguments.Add(reason);
        }

        RedisResult answer;
        try
        {
            answer = await connection.Database.ScriptEvaluateAsync(
                PortalFleetScript.Sync,
                [connection.Prefix + "portal:quarantine", connection.Prefix + "portal:quarantine:reasons", connection.Prefix + "portal:manifests"],
                [.. arguments]).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            fleet.MarkUnavailable();
            if (!_unavailableLogged)
            {
                _unavailableLogged = true;
                LogUnavailable(logger, failure.GetType().Name);
            }

            return;
        }

        _unavailableLogged = false;
        var parts = (RedisResult[])answer!;
        var members = (string?[])parts[0]!;
        var reasons = (string?[])parts[1]!;
        var elsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            var (replica, tool) = Split(members[i]);
            if (replica == _replica || tool.Length == 0)
            {
                continue;
            }

            var text = $"replica {ReplicaName(replica)} holds it: {reasons.ElementAtOrDefault(i) ?? "changed since approval"}";
            elsewhere[tool] = elsewhere.TryGetValue(tool, out var earlier) ? earlier + "; " + text : text;
        }

        var problem = CompareManifests((string?[])parts[2]!);
        fleet.Apply(elsewhere, problem);
        if (problem != _manifestProblemLogged)
        {
            _manifestProblemLogged = problem;
            if (problem is not null)
            {
                LogManifestMismatch(logger, problem);
            }
        }
    }

    /// <summary>The fleet runs the newest approval among live replicas; a replica with another one names it.</summary>
    private string? CompareManifests(string?[] members)
    {
        var entries = members
            .Select(Split)
            .Select(entry => (Replica: entry.Replica, Fields: entry.Tail.Split('\t')))
            .Where(entry => entry.Fields.Length == 2 && long.TryParse(entry.Fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .Select(entry => (entry.Replica, ApprovedAt: long.Parse(entry.Fields[0], CultureInfo.InvariantCulture), Hash: entry.Fields[1]))
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var newest = entries.OrderByDescending(entry => entry.ApprovedAt).ThenByDescending(entry => entry.Hash, StringComparer.Ordinal).First();
        var mine = manifest.Approved?.Manifest.Hash ?? "none";
        if (newest.Hash == mine)
        {
            return null;
        }

        var approvedAt = DateTimeOffset.FromUnixTimeMilliseconds(newest.ApprovedAt).ToString("u", CultureInfo.InvariantCulture);
        return $"this replica runs the approved manifest {mine}, but replica {ReplicaName(newest.Replica)} runs {newest.Hash} (approved {approvedAt}): deploy the newest approval to every replica";
    }

    private static (string Replica, string Tail) Split(string? member)
    {
        var text = member ?? string.Empty;
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (text, string.Empty) : (text[..newline], text[(newline + 1)..]);
    }

    private static string ReplicaName(string replica)
    {
        var slash = replica.LastIndexOf('/');
        return slash < 0 ? replica : replica[..slash];
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "The fleet's quarantine state (McpPlatform:Redis) is unreachable ({Failure}): Write and Destructive upstream tools are refused until it is back")]
    private static partial void LogUnavailable(ILogger logger, string failure);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Error, Message = "Approved manifest differs from the fleet's: {Problem}; readiness reports this replica unhealthy")]
    private static partial void LogManifestMismatch(ILogger logger, string problem);
}

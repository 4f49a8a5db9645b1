using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// Part 5 of the fleet issue with replicas as separate processes (<see cref="ReplicaFleet"/>: three replicas, a real
/// redis-server, a real nginx round-robin) and node/fleet-load.mjs as the client, once per protocol revision:
/// <c>Stateful</c> replicas called by the official TypeScript client with stateful sessions (2025-11-25), and
/// <c>Stateless</c> replicas called with the stateless 2026-07-28 requests over HTTP (which the SDK 2.4.0 serves only
/// without sessions, and the TypeScript client 1.32 cannot select) beside TypeScript clients without a session.
/// </summary>
public sealed class ReplicaFleetTests(ITestOutputHelper output) : FleetTestBase
{
    private const int Replicas = 3;
    private const int Limit = 30;
    private const int LimitCalls = 60;
    private const int Workers = 4;
    private const int CallsPerWorker = 25; // under Limit: each load worker is its own caller, so no limit interferes
    private const int KillAfter = 40;

    [Theory]
    [InlineData("Stateful")]
    [InlineData("Stateless")]
    public async Task Limits_sessions_and_a_replica_killed_mid_run(string sessionMode)
    {
        var stateful = sessionMode == "Stateful";
        await using var fleet = await ReplicaFleet.StartAsync(Issuer, Redis, Replicas, new Dictionary<string, string?>
        {
            ["McpPlatform:SessionMode"] = sessionMode,
            ["McpPlatform:RateLimits:PerTool:TokenLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["McpPlatform:RateLimits:PerTool:TokensPerPeriod"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["McpPlatform:RateLimits:PerTool:ReplenishmentPeriod"] = "01:00:00",
        });

        await A_callers_limit_holds_across_replicas(fleet, stateful);
        output.WriteLine(await A_replica_killed_mid_run_loses_no_audit_record_of_a_call_the_client_saw_succeed(fleet, stateful));
    }

    private static async Task A_callers_limit_holds_across_replicas(ReplicaFleet fleet, bool stateful)
    {
        var revision = stateful ? "2025-11-25" : "2026-07-28";
        var run = await fleet.RunLoadAsync("limit-caller", Plan(fleet, "which_replica", (revision, 1, LimitCalls)));

        var ok = run["ok"]!.AsArray();
        Assert.Empty(run["failures"]!.AsArray());
        Assert.InRange(ok.Count, Limit * 9 / 10, Limit * 11 / 10); // within 10% of the limit for the whole fleet (per replica: 3 x 30)
        Assert.Equal(LimitCalls - ok.Count, (int)run["limited"]!);
        var servers = ok.Select(call => (string)call!["text"]!).ToHashSet();
        Assert.True(servers.Count >= 2, $"all calls were served by {string.Join(", ", servers)}");
        if (stateful)
        {
            // One session (one initialize), continued on the other replicas nginx picked for its calls.
            var session = (string?)Assert.Single(run["sessions"]!.AsArray());
            Assert.False(string.IsNullOrEmpty(session));
            Assert.All(ok, call => Assert.Equal(session, (string?)call!["session"]));
        }
        else
        {
            Assert.Empty(run["sessions"]!.AsArray()); // no initialize, no session: nothing ties a call to a replica
        }
    }

    private static async Task<string> A_replica_killed_mid_run_loses_no_audit_record_of_a_call_the_client_saw_succeed(ReplicaFleet fleet, bool stateful)
    {
        var victim = fleet.Replicas[1];

        // Four workers, one call at a time each; SIGKILL on the victim's process once 40 calls succeeded. Stateful: four
        // TypeScript clients with a session each. Stateless: two 2026-07-28 workers and two TypeScript clients without sessions.
        var plan = stateful
            ? Plan(fleet, "record_call", ("2025-11-25", Workers, CallsPerWorker))
            : Plan(fleet, "record_call", ("2026-07-28", Workers / 2, CallsPerWorker), ("2025-11-25", Workers / 2, CallsPerWorker));
        plan["argument"] = "callId";
        plan["killPid"] = victim.Id;
        plan["killPort"] = victim.Port;
        plan["killAfter"] = KillAfter;
        var run = await fleet.RunLoadAsync("load-caller", plan);

        Assert.True(victim.HasExited, "the victim replica still runs");
        var killAt = (double)run["killAt"]!;
        var deadAt = (double)run["deadAt"]!;
        var ok = run["ok"]!.AsArray().Select(call => (Id: (string)call!["id"]!, Text: (string)call["text"]!)).ToList();
        var failures = run["failures"]!.AsArray().Select(f => (Id: (string)f!["id"]!, Start: (double)f["start"]!, End: (double)f["end"]!, Error: (string)f["error"]!)).ToList();

        // Errors only for calls in flight at the kill: sent before the process was gone (nginx hands a dying process
        // requests until the kernel has closed its sockets), ended after SIGKILL was sent. Every later call succeeded.
        Assert.All(failures, f => Assert.True(
            f.Start <= deadAt && f.End >= killAt,
            $"{f.Id} ({f.Start:F0}-{f.End:F0} ms) failed outside the kill (SIGKILL at {killAt:F0} ms, gone at {deadAt:F0} ms): {f.Error}"));
        Assert.Equal(Workers * CallsPerWorker, ok.Count + failures.Count);
        Assert.Contains(ok, call => call.Text.EndsWith(" on " + victim.ReplicaId, StringComparison.Ordinal)); // it served calls before it died

        // The survivors stop as an orchestrator stops them (SIGTERM: drain, audit queue written, final checkpoint).
        foreach (var survivor in fleet.Replicas.Where(r => r != victim))
        {
            await survivor.StopAsync();
        }

        // Every call the client saw succeed has its intent record (written before the tool ran) in the folder of the
        // replica that served it, the killed one included.
        var records = fleet.AuditRecords();
        Assert.Equal(Replicas, records.Count);
        foreach (var (id, text) in ok)
        {
            var replica = text[(text.LastIndexOf(" on ", StringComparison.Ordinal) + 4)..];
            Assert.True(
                records[replica].Any(r => (string?)r["Kind"] == "intent" && (string?)r["Tool"] == "record_call" && ((string?)r["Arguments"])?.Contains(id, StringComparison.Ordinal) == true),
                $"no intent record of {id} in {replica}'s audit folder");
        }

        // The real CLI verifies every replica's chain, the killed one's too.
        var verify = await fleet.VerifyAuditAsync();
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains($"OK: {Replicas} replicas", verify.Output, StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{ok.Count} calls succeeded (each found in an intent record), {failures.Count} failed in flight; SIGKILL took {deadAt - killAt:F0} ms to take effect");
    }

    // Each worker is its own caller (its own buckets); `Workers` callers named by position.
    private static JsonObject Plan(ReplicaFleet fleet, string tool, params (string Revision, int Workers, int Calls)[] groups) => new()
    {
        ["tool"] = tool,
        ["workers"] = new JsonArray([.. groups.SelectMany(g => Enumerable.Range(0, g.Workers).Select(_ => g)).Select((g, index) => (JsonNode)new JsonObject
        {
            ["revision"] = g.Revision,
            ["calls"] = g.Calls,
            ["token"] = fleet.MintToken($"{tool}-worker-{index}"),
        })]),
    };
}

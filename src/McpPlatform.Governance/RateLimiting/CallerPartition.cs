using System.Globalization;
using System.Runtime.CompilerServices;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// The partition a caller's limits are counted in (request budget, per-tool buckets, concurrent
/// calls, Code Mode executions): issuer, subject and client together. A subject is unique only per
/// issuer, and a token without <c>sub</c> (a client-credentials token, say) is told apart by its
/// issuer and client instead of sharing one "unknown" bucket with every other such token.
/// </summary>
internal static class CallerPartition
{
    /// <summary>The partition key of <paramref name="caller"/>; unauthenticated callers share "anonymous".</summary>
    public static string Key(CallerIdentity caller) =>
        caller.IsAuthenticated ? Keys.GetValue(caller, static c => $"caller:{Part(c.Issuer)}{Part(c.Subject)}{Part(c.ClientId)}") : "anonymous";

    // An identity's parts are init-only, and the validated-token cache hands one identity to every request with the same
    // token, so its key is built once rather than (four strings) at every limit check of every request.
    private static readonly ConditionalWeakTable<CallerIdentity, string> Keys = [];

    // Length-prefixed, so no character inside a claim value can make two different callers' keys equal.
    private static string Part(string? value) =>
        value is null ? "-|" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}|");
}

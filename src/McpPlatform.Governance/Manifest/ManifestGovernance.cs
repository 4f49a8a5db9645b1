using System.Globalization;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The manifest's <c>governance</c> member: the policy, data rules, rate limits, Code Mode limits, audit switches and the
/// <see cref="PinnedSettings"/> a server enforces. The generator writes it from the build's appsettings.json; at start-up the server writes the same
/// shape from its bound options (<see cref="EffectiveGovernance"/>) and compares the two (<see cref="GovernanceComparison"/>).
/// </summary>
internal sealed record ManifestGovernance(
    GovernancePolicy Policy,
    GovernanceDlp Dlp,
    GovernanceRateLimits RateLimits,
    GovernanceCodeMode CodeMode,
    GovernanceAudit Audit)
{
    /// <summary>The values of <see cref="PinnedSettings.All"/> by their path; a manifest from an older generator may lack some.</summary>
    public IReadOnlyDictionary<string, PinnedValue> Pinned { get; init; } = new Dictionary<string, PinnedValue>(StringComparer.Ordinal);

    /// <summary>Reads the member as the generator writes it.</summary>
    /// <exception cref="FormatException">The element does not have the governance shape; the message names the member.</exception>
    public static ManifestGovernance Read(JsonElement governance)
    {
        try
        {
            return new(
                ReadPolicy(governance.GetProperty("policy")),
                ReadDlp(governance.GetProperty("dlp")),
                ReadRateLimits(governance.GetProperty("rateLimits")),
                ReadCodeMode(governance.GetProperty("codeMode")),
                new GovernanceAudit(Bool(governance.GetProperty("audit"), "enabled"), Bool(governance.GetProperty("audit"), "failClosedReads")))
            {
                Pinned = ReadPinned(governance),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new FormatException("expected the governance object the McpPlatform generator writes (policy, dlp, rateLimits, codeMode, audit): " + e.Message, e);
        }
    }

    private static Dictionary<string, PinnedValue> ReadPinned(JsonElement governance)
    {
        var pinned = new Dictionary<string, PinnedValue>(StringComparer.Ordinal);
        foreach (var setting in PinnedSettings.All)
        {
            if (setting.Read(governance) is { } value)
            {
                pinned[setting.Path] = value;
            }
        }

        return pinned;
    }

    private static GovernancePolicy ReadPolicy(JsonElement policy) => new(
        policy.GetProperty("readScope").GetString()!,
        policy.GetProperty("writeScope").GetString()!,
        policy.GetProperty("destructiveScope").GetString()!,
        Bool(policy, "defaultRead"),
        [.. policy.GetProperty("rules").EnumerateArray().Select(rule => new GovernancePolicyRule(
            rule.GetProperty("name").GetString()!,
            Strings(rule, "tools"),
            Strings(rule, "access"),
            Strings(rule, "groups"),
            Strings(rule, "scopes"),
            rule.GetProperty("claims").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal),
            Bool(rule, "exclusive")))]);

    private static GovernanceDlp ReadDlp(JsonElement dlp) => new(
        Bool(dlp, "enabled"),
        [.. dlp.GetProperty("rules").EnumerateArray().Select(rule => new GovernanceDataRule(
            rule.GetProperty("name").GetString()!,
            rule.TryGetProperty("detector", out var detector) ? detector.GetString() : null,
            rule.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null,
            Action(rule, "arguments"),
            Action(rule, "results"),
            Strings(rule, "tools")))]);

    private static GovernanceRateLimits ReadRateLimits(JsonElement limits) => new(
        Bool(limits, "enabled"),
        Bucket(limits.GetProperty("perCaller")),
        Bucket(limits.GetProperty("perTool")),
        limits.GetProperty("concurrentCallsPerCaller").GetInt32());

    private static GovernanceTokenBucket Bucket(JsonElement bucket) => new(
        bucket.GetProperty("tokenLimit").GetInt32(),
        bucket.GetProperty("tokensPerPeriod").GetInt32(),
        Duration(bucket, "replenishmentPeriod"));

    private static GovernanceCodeMode ReadCodeMode(JsonElement codeMode) => new(
        Bool(codeMode, "enabled"),
        codeMode.GetProperty("default").GetString()!,
        Duration(codeMode, "timeout"),
        codeMode.GetProperty("maxStatements").GetInt32(),
        codeMode.GetProperty("memoryLimitBytes").GetInt64(),
        codeMode.GetProperty("maxRecursionDepth").GetInt32(),
        Duration(codeMode, "regexTimeout"),
        codeMode.GetProperty("maxArrayLength").GetInt64(),
        codeMode.GetProperty("maxInnerCalls").GetInt32(),
        codeMode.GetProperty("maxResultBytes").GetInt32(),
        codeMode.GetProperty("maxLogBytes").GetInt32(),
        codeMode.GetProperty("maxConcurrentExecutionsPerCaller").GetInt32());

    private static bool Bool(JsonElement obj, string name) => obj.GetProperty(name).GetBoolean();

    private static IReadOnlyList<string> Strings(JsonElement obj, string name) =>
        [.. obj.GetProperty(name).EnumerateArray().Select(s => s.GetString()!)];

    private static TimeSpan Duration(JsonElement obj, string name) =>
        TimeSpan.ParseExact(obj.GetProperty(name).GetString()!, "c", CultureInfo.InvariantCulture);

    private static ManifestDataAction Action(JsonElement obj, string name) =>
        ManifestNames.TryParseDataAction(obj.GetProperty(name).GetString()!, out var action)
            ? action
            : throw new FormatException($"'{name}' must be block, redact or allow");
}

/// <summary><c>governance.policy</c>: scopes, default read access and the rules, in the order they are tried.</summary>
internal sealed record GovernancePolicy(string ReadScope, string WriteScope, string DestructiveScope, bool DefaultRead, IReadOnlyList<GovernancePolicyRule> Rules);

/// <summary>One policy rule; sets sorted and distinct, access names lower case.</summary>
internal sealed record GovernancePolicyRule(
    string Name,
    IReadOnlyList<string> Tools,
    IReadOnlyList<string> Access,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, string> Claims,
    bool Exclusive);

/// <summary><c>governance.dlp</c>: whether DLP runs and every rule it compiles, in evaluation order (built-ins included).</summary>
internal sealed record GovernanceDlp(bool Enabled, IReadOnlyList<GovernanceDataRule> Rules);

/// <summary>One DLP rule: a built-in detector or a pattern, its actions and its tools (empty: every tool).</summary>
internal sealed record GovernanceDataRule(string Name, string? Detector, string? Pattern, ManifestDataAction Arguments, ManifestDataAction Results, IReadOnlyList<string> Tools);

/// <summary><c>governance.rateLimits</c>.</summary>
internal sealed record GovernanceRateLimits(bool Enabled, GovernanceTokenBucket PerCaller, GovernanceTokenBucket PerTool, int ConcurrentCallsPerCaller);

/// <summary>A token bucket of <see cref="GovernanceRateLimits"/>.</summary>
internal sealed record GovernanceTokenBucket(int TokenLimit, int TokensPerPeriod, TimeSpan ReplenishmentPeriod);

/// <summary><c>governance.codeMode</c>: the switch and every limit of a sandboxed execution.</summary>
internal sealed record GovernanceCodeMode(
    bool Enabled,
    string Default,
    TimeSpan Timeout,
    int MaxStatements,
    long MemoryLimitBytes,
    int MaxRecursionDepth,
    TimeSpan RegexTimeout,
    long MaxArrayLength,
    int MaxInnerCalls,
    int MaxResultBytes,
    int MaxLogBytes,
    int MaxConcurrentExecutionsPerCaller);

/// <summary><c>governance.audit</c>: the switches that decide whether a call can go unrecorded.</summary>
internal sealed record GovernanceAudit(bool Enabled, bool FailClosedReads);

using System.Globalization;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Dlp;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The governance settings pinned one line each (besides the policy, data rules, rate limits, Code Mode limits and audit
/// switches of <see cref="ManifestGovernance"/>): written into the manifest's <c>governance</c> member at their path,
/// read back, and compared by their kind. To pin another limit, add one line here and the same line (path, setting,
/// default) in generators/McpPlatform.Generators/Manifest/PinnedSettingsTable.cs; RuntimeAgreementTests checks they agree.
/// </summary>
internal static class PinnedSettings
{
    private const string Root = McpPlatformOptions.SectionName;

    public static IReadOnlyList<PinnedSetting> All { get; } =
    [
        Choice("dlp.overLimit", DlpOptions.SectionName + ":OverLimit", o => OverLimit(o.Dlp), ["block", "truncate"], "a result too large to scan is returned cut instead of withheld"),
        Limit("dlp.maxScannedChars", DlpOptions.SectionName + ":MaxScannedChars", o => o.Dlp.MaxScannedChars, "the limit was raised: a caller can make the server scan more text per call or result"),
        Limit("audit.maxFieldChars", AuditOptions.SectionName + ":MaxFieldChars", o => o.Audit.MaxFieldChars, "the limit was raised: one field can grow each audit record further"),
        Limit("audit.maxArgumentsChars", AuditOptions.SectionName + ":MaxArgumentsChars", o => o.Audit.MaxArgumentsChars, "the limit was raised: one call's arguments can grow its audit record further"),
        Longer("audit.checkpointInterval", AuditOptions.SectionName + ":CheckpointInterval", o => o.Audit.CheckpointInterval, "more records can be cut off the end of the audit file unnoticed"),
        Reviewed("audit.keySecretName", AuditOptions.SectionName + ":KeySecretName", o => o.Audit.KeySecretName, "the audit chain is keyed with another secret"),
        Limit("audit.refusalLimit.permitLimit", RefusalLimitOptions.SectionName + ":PermitLimit", o => o.RefusalLimit.PermitLimit, "the limit was raised: an address can have more refusals written per window"),
        Shorter("audit.refusalLimit.window", RefusalLimitOptions.SectionName + ":Window", o => o.RefusalLimit.Window, "the window was shortened: an address gets its refusal permits back sooner"),
        Limit("audit.refusalLimit.maxAddresses", RefusalLimitOptions.SectionName + ":MaxAddresses", o => o.RefusalLimit.MaxAddresses, "the limit was raised: more addresses each have refusals written, in a larger table"),
        Limit("http.maxRequestBodyBytes", Root + ":MaxRequestBodyBytes", o => o.Platform.MaxRequestBodyBytes, "the limit was raised: larger request bodies are read and parsed"),
        Switch("http.forwardedHeaders.enabled", Root + ":ForwardedHeaders:Enabled", o => o.Platform.ForwardedHeaders.Enabled, "X-Forwarded-* headers are believed from the known proxies"),
        Set("http.forwardedHeaders.knownProxies", Root + ":ForwardedHeaders:KnownProxies", o => o.Platform.ForwardedHeaders.KnownProxies, "headers are believed from another proxy"),
        Set("http.forwardedHeaders.knownNetworks", Root + ":ForwardedHeaders:KnownNetworks", o => o.Platform.ForwardedHeaders.KnownNetworks, "headers are believed from another network"),
        Limit("http.forwardedHeaders.forwardLimit", Root + ":ForwardedHeaders:ForwardLimit", o => o.Platform.ForwardedHeaders.ForwardLimit, "the limit was raised: more hops of each header are believed"),
        Set("authentication.tokenTypes", ResourceServerOptions.SectionName + ":TokenTypes", o => o.Authentication.TokenTypes, "tokens of another type are accepted"),
    ];

    private static PinnedSetting Limit(string path, string setting, Func<BoundGovernanceOptions, long> value, string why) =>
        new(path, setting, PinnedSettingKind.HigherIsWeaker, o => PinnedValue.Scalar(value(o).ToString(CultureInfo.InvariantCulture)), why);

    private static PinnedSetting Longer(string path, string setting, Func<BoundGovernanceOptions, TimeSpan> value, string why) =>
        new(path, setting, PinnedSettingKind.LongerIsWeaker, o => PinnedValue.Scalar(EffectiveGovernance.Duration(value(o))), why);

    private static PinnedSetting Shorter(string path, string setting, Func<BoundGovernanceOptions, TimeSpan> value, string why) =>
        new(path, setting, PinnedSettingKind.ShorterIsWeaker, o => PinnedValue.Scalar(EffectiveGovernance.Duration(value(o))), why);

    private static PinnedSetting Switch(string path, string setting, Func<BoundGovernanceOptions, bool> value, string why) =>
        new(path, setting, PinnedSettingKind.OnIsWeaker, o => PinnedValue.Scalar(value(o) ? "true" : "false"), why);

    private static PinnedSetting Choice(string path, string setting, Func<BoundGovernanceOptions, string> value, string[] strictestFirst, string why) =>
        new(path, setting, PinnedSettingKind.LaterIsWeaker, o => PinnedValue.Scalar(value(o)), why) { Order = strictestFirst };

    private static PinnedSetting Reviewed(string path, string setting, Func<BoundGovernanceOptions, string?> value, string why) =>
        new(path, setting, PinnedSettingKind.ChangeIsReviewed, o => PinnedValue.Scalar(value(o) ?? string.Empty), why);

    private static PinnedSetting Set(string path, string setting, Func<BoundGovernanceOptions, IEnumerable<string>?> value, string why) =>
        new(path, setting, PinnedSettingKind.AddedIsWeaker, o => PinnedValue.Set(value(o)), why);

    // As DlpEngine reads it; an invalid value fails start-up validation before governance is worked out.
    private static string OverLimit(DlpOptions dlp) =>
        DlpOverLimits.TryParse(dlp.OverLimit, out var overLimit) ? overLimit.ToString().ToLowerInvariant() : dlp.OverLimit ?? string.Empty;
}

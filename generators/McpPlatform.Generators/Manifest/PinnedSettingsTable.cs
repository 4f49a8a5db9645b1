using System.Linq;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>
    /// The governance settings pinned one line each, with the runtime's defaults: the generator's side of
    /// McpPlatform.Governance.Manifest.PinnedSettings (same paths, same settings; that side says which way is weaker).
    /// To pin another limit, add one line here and the same line there; RuntimeAgreementTests checks they agree.
    /// </summary>
    internal static class PinnedSettingsTable
    {
        public static readonly PinnedSettingRow[] All =
        {
            Choice("Dlp:OverLimit", "dlp.overLimit", "block", "truncate"),
            Int("Dlp:MaxScannedChars", "dlp.maxScannedChars", 1_000_000),
            Int("Audit:MaxFieldChars", "audit.maxFieldChars", 4096),
            Int("Audit:MaxArgumentsChars", "audit.maxArgumentsChars", 65_536),
            Row(PinnedKind.Duration, "Audit:CheckpointInterval", "audit.checkpointInterval", "00:00:10"),
            Row(PinnedKind.Name, "Audit:KeySecretName", "audit.keySecretName", "audit-chain-key"),
            Int("Audit:RefusalLimit:PermitLimit", "audit.refusalLimit.permitLimit", 60),
            Row(PinnedKind.Duration, "Audit:RefusalLimit:Window", "audit.refusalLimit.window", "00:01:00"),
            Int("Audit:RefusalLimit:MaxAddresses", "audit.refusalLimit.maxAddresses", 1024),
            Row(PinnedKind.Long, "MaxRequestBodyBytes", "http.maxRequestBodyBytes", "1048576"),
            Row(PinnedKind.Bool, "ForwardedHeaders:Enabled", "http.forwardedHeaders.enabled", "false"),
            Set("ForwardedHeaders:KnownProxies", "http.forwardedHeaders.knownProxies"),
            Set("ForwardedHeaders:KnownNetworks", "http.forwardedHeaders.knownNetworks"),
            Int("ForwardedHeaders:ForwardLimit", "http.forwardedHeaders.forwardLimit", 1),

            // Configured types are added to these, as the configuration binder appends to an initialised array.
            Set("Authentication:TokenTypes", "authentication.tokenTypes", "at+jwt", "application/at+jwt", "JWT"),
        };

        /// <summary>Every row at its default: the values when appsettings.json sets none of them.</summary>
        public static EquatableArray<PinnedSettingValue> Defaults { get; } =
            All.Select(row => row.Value(row.Default, Enumerable.Empty<string>())).ToEquatableArray();

        private static PinnedSettingRow Row(PinnedKind kind, string setting, string path, string defaultValue) =>
            new PinnedSettingRow(kind, setting, path, defaultValue, EquatableArray<string>.Empty);

        private static PinnedSettingRow Int(string setting, string path, int defaultValue) =>
            Row(PinnedKind.Int, setting, path, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>One of <paramref name="names"/> (strictest first, the first is the default), written lower case.</summary>
        private static PinnedSettingRow Choice(string setting, string path, params string[] names) =>
            new PinnedSettingRow(PinnedKind.Choice, setting, path, names[0], names.ToEquatableArray());

        /// <summary>A set; <paramref name="defaults"/> are always in it.</summary>
        private static PinnedSettingRow Set(string setting, string path, params string[] defaults) =>
            new PinnedSettingRow(PinnedKind.Set, setting, path, string.Empty, defaults.ToEquatableArray());
    }
}

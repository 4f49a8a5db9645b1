using McpPlatform.Portal.Credentials;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// The environment of a launched upstream process: only the variables a program needs to run at all (PATH, HOME, the
/// locale, the temp folder and their Windows equivalents) are inherited from the portal, so the portal's own settings
/// and secrets never leak into a third-party server; the configured variables come on top, <c>secret:&lt;name&gt;</c>
/// values read from the secret store when the process starts.
/// </summary>
internal static class UpstreamEnvironment
{
    /// <summary>An environment value that names a secret store entry instead of holding a value.</summary>
    public const string SecretPrefix = "secret:";

    /// <summary>What a launched process inherits from the portal.</summary>
    public static readonly IReadOnlyList<string> Inherited =
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TEMP", "TMP",
        "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA",
        "PROGRAMFILES", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE",
    ];

    /// <summary>Replaces <paramref name="target"/>'s content with the upstream's environment.</summary>
    public static async ValueTask FillAsync(IDictionary<string, string?> target, IReadOnlyDictionary<string, string> configured, UpstreamSecrets secrets, CancellationToken cancellationToken)
    {
        target.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                target[name] = value;
            }
        }

        foreach (var (name, value) in configured)
        {
            target[name] = value is not null && value.StartsWith(SecretPrefix, StringComparison.Ordinal)
                ? await secrets.GetAsync(value[SecretPrefix.Length..], cancellationToken).ConfigureAwait(false)
                : value;
        }
    }
}

namespace McpPlatform.Hosting.Health;

/// <summary>The readiness checks behind <c>/healthz/ready</c>, bound from <c>McpPlatform:Health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Health";

    /// <summary>The accepted range of <see cref="Timeout"/>.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) TimeoutRange = (TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

    /// <summary>The longest <see cref="SecretStoreProbeInterval"/> accepted.</summary>
    public static readonly TimeSpan MaxSecretStoreProbeInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one check may take before it counts as unhealthy (the identity provider or the vault does not answer).
    /// Keep it below the orchestrator's probe timeout (the template's probes wait 5 seconds).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the answer of the secret store probe is reused, so a probe every few seconds per replica does not
    /// become a stream of vault requests; 0 asks the store on every probe.
    /// </summary>
    public TimeSpan SecretStoreProbeInterval { get; set; } = TimeSpan.FromSeconds(15);
}

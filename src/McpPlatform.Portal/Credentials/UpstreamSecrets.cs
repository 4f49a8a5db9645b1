using System.Collections.Concurrent;
using McpPlatform.Governance.Secrets;
using McpPlatform.Portal.Upstreams;

namespace McpPlatform.Portal.Credentials;

/// <summary>
/// The secrets one upstream is configured with (credential secrets, <c>secret:</c> environment values): the environment
/// override of the platform (<see cref="SecretsOptions.EnvironmentPrefix"/>) first, then the secret store, each value
/// reused for <see cref="SecretsOptions.CacheTtl"/>. Failures name the upstream and the secret, never a value; every
/// value read is remembered so <see cref="Redact"/> can scrub it from anything shown (health details, errors).
/// </summary>
internal sealed class UpstreamSecrets(string upstream, Func<ISecretProvider?> providerFactory, SecretsOptions options, TimeProvider time)
{
    // Resolved on first use: an upstream without secrets must not need (or fail on) a configured store.
    private readonly Lazy<ISecretProvider?> _provider = new(providerFactory);
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>The value of the secret <paramref name="name"/>.</summary>
    public async ValueTask<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        var variable = options.EnvironmentPrefix + name.ToUpperInvariant().Replace('-', '_');
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } overridden)
        {
            return Remember(overridden);
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Expires > now)
        {
            return cached.Value;
        }

        var provider = _provider.Value;
        if (provider is null)
        {
            throw new UpstreamException(upstream, $"Upstream '{upstream}' needs the secret '{name}', but no secret store is configured (set {variable} or configure McpPlatform:Secrets).");
        }

        SecretValue? fetched;
        try
        {
            fetched = await provider.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretProviderException failure)
        {
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the secret '{name}' is unavailable from the {provider.Name} store.", failure);
        }

        if (fetched is null)
        {
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the secret '{name}' does not exist in the {provider.Name} store.");
        }

        _cache[name] = (fetched.Value, now + options.CacheTtl);
        return Remember(fetched.Value);
    }

    /// <summary><paramref name="text"/> with every secret value this upstream has read replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (var value in _seen.Keys)
        {
            text = text.Replace(value, "***", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Remembers a value that must never be shown (tokens obtained with the secrets, too).</summary>
    public string Remember(string value)
    {
        // Very short values would redact ordinary words; a secret that short is no secret anyway.
        if (value.Length >= 4 && _seen.Count < 10_000)
        {
            _seen.TryAdd(value, 0);
        }

        return value;
    }
}

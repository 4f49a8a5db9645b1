using System.Collections.Concurrent;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Secrets;

/// <summary>
/// Gives a tool the secrets it declared, and only those: an environment variable override
/// first, then the configured store, with values reused for <see cref="SecretsOptions.CacheTtl"/>
/// so a rotated secret is picked up without a restart. Every failure names the tool and the
/// secret, never a value.
/// </summary>
public sealed partial class SecretAccess(ISecretProvider provider, IOptions<SecretsOptions> options, TimeProvider time, ILogger<SecretAccess> logger)
{
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private readonly SecretsOptions _options = options.Value;

    /// <summary>The store secrets come from.</summary>
    public string ProviderName => provider.Name;

    /// <summary>The value of <paramref name="name"/> for <paramref name="tool"/>.</summary>
    public async ValueTask<string> GetAsync(McpToolDescriptor tool, string name, CancellationToken cancellationToken)
    {
        if (!tool.Secrets.Contains(name, StringComparer.Ordinal))
        {
            LogUndeclared(logger, tool.Name, name);
            Audit($"secret '{name}' not declared");
            throw new ToolSecretException($"Tool '{tool.Name}' did not declare the secret '{name}'; a tool reads only secrets it declares with [Secret(\"{name}\")].");
        }

        if (Environment.GetEnvironmentVariable(EnvironmentName(name)) is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Expires > now)
        {
            return cached.Value;
        }

        SecretValue? fetched;
        try
        {
            fetched = await provider.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretProviderException failure)
        {
            // The provider's own text (a vault URL, a file path, a backend's answer) goes to the log only: the caller sees this message.
            LogUnavailable(logger, failure, tool.Name, name, provider.Name);
            Audit($"secret '{name}' unavailable from {provider.Name}");
            throw new ToolSecretException($"Secret '{name}' for tool '{tool.Name}' is unavailable from the {provider.Name} store; the server's log has the reason.", failure);
        }

        if (fetched is null)
        {
            LogMissing(logger, tool.Name, name, provider.Name);
            Audit($"secret '{name}' missing from {provider.Name}");
            throw new ToolSecretException($"Secret '{name}' for tool '{tool.Name}' does not exist in the {provider.Name} store.");
        }

        _cache[name] = new Cached(fetched.Value, now + _options.CacheTtl);
        return fetched.Value;
    }

    /// <summary>Drops every cached value, so the next read asks the store (after a manual rotation).</summary>
    public void ForgetCachedValues() => _cache.Clear();

    /// <summary>The environment variable that overrides a secret: prefix + upper case, '-' as '_'.</summary>
    public string EnvironmentName(string name) => _options.EnvironmentPrefix + name.ToUpperInvariant().Replace('-', '_');

    // The audit record of the call says which secret failed, never its value.
    private static void Audit(string error)
    {
        if (AuditScope.Current is { } record)
        {
            record.Error = error;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Tool {Tool} asked for undeclared secret {Secret}")]
    private static partial void LogUndeclared(ILogger logger, string tool, string secret);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Secret {Secret} for tool {Tool} could not be read from {Provider}")]
    private static partial void LogUnavailable(ILogger logger, Exception failure, string tool, string secret, string provider);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Secret {Secret} for tool {Tool} does not exist in {Provider}")]
    private static partial void LogMissing(ILogger logger, string tool, string secret, string provider);

    // The value is private to this cache; the record's ToString would print it, so keep it a plain struct.
    private readonly struct Cached(string value, DateTimeOffset expires)
    {
        public string Value { get; } = value;

        public DateTimeOffset Expires { get; } = expires;
    }
}

/// <summary>A tool could not get a secret: undeclared, missing or unreachable. Never carries a value.</summary>
public sealed class ToolSecretException(string message, Exception? inner = null) : Exception(message, inner);

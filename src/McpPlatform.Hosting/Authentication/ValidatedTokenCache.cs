using System.Collections.Concurrent;
using System.Security.Claims;
using McpPlatform.Governance;
using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Remembers tokens that passed validation, so a client that sends the same token on every
/// MCP request pays for the signature check once rather than per call. An entry lives until
/// the token expires and at most <see cref="MaxAge"/>; it is keyed by the exact Authorization
/// header (so by the exact token) and only used for the resource URI it was validated for, so
/// it never admits a token for another audience. Each request gets its own copy of the principal.
/// </summary>
internal sealed class ValidatedTokenCache(
    IOptions<ResourceServerOptions> resourceServer, IOptions<McpPlatformOptions> platform, CallerIdentityResolver callers) : IDisposable
{
    /// <summary>How long a validated token is trusted without being checked again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    /// <summary>The most tokens remembered at once; beyond it new tokens are validated every time until entries expire.</summary>
    private const int MaxEntries = 10_000;

    private const string Bearer = "Bearer ";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ResourceServerOptions _resourceServer = resourceServer.Value;
    private readonly McpPlatformOptions _platform = platform.Value;

    // A configured resource URI is the same for every request: canonicalised once.
    private readonly string? _configuredResource = resourceServer.Value.Resource is { Length: > 0 } configured ? ResourceUri.Canonical(configured) : null;

    public Task TryUseCachedAsync(MessageReceivedContext context)
    {
        if (TryGetPrincipal(context.Request) is { } principal)
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A copy of the principal validated earlier for this request's exact bearer token and resource URI, while the
    /// token has not expired (checked on every call); null when the token must be validated (again).
    /// </summary>
    public ClaimsPrincipal? TryGetPrincipal(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!IsBearer(authorization) || !_entries.TryGetValue(authorization, out var entry))
        {
            return null;
        }

        if (entry.Expires <= DateTime.UtcNow)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(authorization, entry));
            return null;
        }

        return entry.IsFor(request, _platform) || string.Equals(entry.Resource, Resource(request), StringComparison.Ordinal)
            ? new CachedTokenPrincipal(entry.Principal, entry.Caller)
            : null;
    }

    public Task RememberAsync(TokenValidatedContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var now = DateTime.UtcNow;
        if (context.Principal is { } principal
            && IsBearer(authorization)
            && context.SecurityToken.ValidTo is var expires && expires > now)
        {
            var lifetime = expires - now;
            var copy = principal.Clone();
            var request = context.Request;
            var entry = new Entry(
                copy,
                callers.Resolve(copy),
                Resource(request),
                request.Scheme,
                request.Host.Value,
                request.PathBase.Value,
                ResourceUri.EndpointPath(request, _platform),
                now + (lifetime < MaxAge ? lifetime : MaxAge));
            if (_entries.Count >= MaxEntries)
            {
                RemoveExpired(now);
            }

            if (_entries.Count < MaxEntries)
            {
                _entries[authorization] = entry;
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _entries.Clear();

    private string Resource(HttpRequest request) =>
        _configuredResource is not null && string.Equals(ResourceUri.EndpointPath(request, _platform), _platform.Path, StringComparison.Ordinal)
            ? _configuredResource
            : ResourceUri.For(request, _resourceServer, _platform);

    private void RemoveExpired(DateTime now)
    {
        foreach (var (token, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            }
        }
    }

    /// <summary>A bearer token, as the JWT handler reads it: the scheme (any case) and a non-blank token.</summary>
    private static bool IsBearer(string authorization) =>
        authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && !authorization.AsSpan(Bearer.Length).IsWhiteSpace();

    /// <summary>
    /// A validated principal (never handed out itself: each request gets a copy), its caller, the
    /// resource URI it was validated for and the request parts that URI was derived from.
    /// </summary>
    private sealed record Entry(
        ClaimsPrincipal Principal, CallerIdentity Caller, string Resource, string Scheme, string? Host, string? PathBase, string EndpointPath, DateTime Expires)
    {
        /// <summary>
        /// True when <paramref name="request"/> names the same scheme, host, path base and MCP endpoint as the
        /// one validated, so its resource URI is the same one; otherwise the URI is compared itself.
        /// </summary>
        public bool IsFor(HttpRequest request, McpPlatformOptions platform) =>
            string.Equals(EndpointPath, ResourceUri.EndpointPath(request, platform), StringComparison.Ordinal)
            && string.Equals(Scheme, request.Scheme, StringComparison.Ordinal)
            && string.Equals(Host, request.Host.Value, StringComparison.Ordinal)
            && string.Equals(PathBase, request.PathBase.Value, StringComparison.Ordinal);
    }
}

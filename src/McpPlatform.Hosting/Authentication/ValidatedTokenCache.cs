using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Remembers tokens that passed validation, so a client that sends the same token on every
/// MCP request pays for the signature check once rather than per call. An entry lives until
/// the token expires and at most <see cref="MaxAge"/>; it is keyed by the exact token and only
/// used for the resource URI it was validated for, so it never admits a token for another audience.
/// </summary>
internal sealed class ValidatedTokenCache(
    IOptions<ResourceServerOptions> resourceServer, IOptions<McpPlatformOptions> platform, CallerIdentityResolver callers) : IDisposable
{
    /// <summary>How long a validated token is trusted without being checked again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public Task TryUseCachedAsync(MessageReceivedContext context)
    {
        if (TryGetToken(context.Request.Headers.Authorization.ToString(), out var token)
            && _entries.TryGetValue(token, out Entry? entry) && entry is not null
            && string.Equals(entry.Resource, Resource(context), StringComparison.Ordinal))
        {
            var copy = entry.Principal.Clone();
            callers.Remember(copy, entry.Principal);
            context.Principal = copy;
            context.Success();
        }

        return Task.CompletedTask;
    }

    public Task RememberAsync(TokenValidatedContext context)
    {
        if (context.Principal is { } principal
            && TryGetToken(context.Request.Headers.Authorization.ToString(), out var token)
            && context.SecurityToken.ValidTo is var expires && expires > DateTime.UtcNow)
        {
            var lifetime = expires - DateTime.UtcNow;
            _entries.Set(token, new Entry(principal.Clone(), Resource(context)), new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = lifetime < MaxAge ? lifetime : MaxAge,
                Size = 1,
            });
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _entries.Dispose();

    private string Resource(Microsoft.AspNetCore.Authentication.BaseContext<JwtBearerOptions> context) =>
        ResourceUri.For(context.Request, resourceServer.Value, platform.Value);

    private sealed record Entry(ClaimsPrincipal Principal, string Resource);

    private static bool TryGetToken(string authorization, out string token)
    {
        const string Bearer = "Bearer ";
        token = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : string.Empty;
        return token.Length > 0;
    }
}

using Azure.Core;

namespace McpPlatform.Testing;

/// <summary>
/// A <see cref="TokenCredential"/> that hands out one fixed bearer token (valid for an hour) and
/// remembers what it was asked for, so tests see how often the SDK fetched a token and for which scope.
/// </summary>
internal sealed class FakeTokenCredential(string token) : TokenCredential
{
    private readonly Lock _gate = new();
    private readonly List<TokenRequestContext> _requests = [];

    /// <summary>The token every call returns.</summary>
    public string Token { get; } = token;

    /// <summary>How many times a token was asked for.</summary>
    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Every request context, oldest first (scopes, tenant id from the challenge).</summary>
    public IReadOnlyList<TokenRequestContext> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(requestContext);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

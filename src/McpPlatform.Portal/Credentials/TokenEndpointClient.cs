using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Upstreams;

namespace McpPlatform.Portal.Credentials;

/// <summary>
/// Gets the portal's access tokens for one upstream from its authorization server: the client credentials grant
/// (RFC 6749 4.4, one token for the portal) and token exchange (RFC 8693, one token per caller, keyed by a hash of the
/// caller's token so the cache holds no caller token). Tokens are reused until shortly before they expire; concurrent
/// requests for the same key share one round trip. The portal authenticates with HTTP Basic (RFC 6749 2.3.1).
/// </summary>
internal sealed class TokenEndpointClient(string upstream, UpstreamCredentialOptions options, UpstreamSecrets secrets, HttpClient http, TimeProvider time)
{
    /// <summary>The grant type of RFC 8693.</summary>
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";

    /// <summary>The token type of an OAuth access token (RFC 8693 3).</summary>
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    private const int MaxCachedCallers = 10_000;
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedToken>>> _tokens = new(StringComparer.Ordinal);

    /// <summary>The portal's own token (client credentials grant).</summary>
    public Task<string> ClientCredentialsTokenAsync(CancellationToken cancellationToken) =>
        GetAsync("client", () => [new("grant_type", "client_credentials")], cancellationToken);

    /// <summary>A token for the upstream on behalf of the caller whose token is <paramref name="callerToken"/>.</summary>
    public Task<string> ExchangeAsync(string callerToken, CancellationToken cancellationToken) =>
        GetAsync("caller:" + Hash(callerToken), () =>
        [
            new("grant_type", TokenExchangeGrant),
            new("subject_token", callerToken),
            new("subject_token_type", AccessTokenType),
            new("requested_token_type", AccessTokenType),
        ], cancellationToken);

    /// <summary>Forgets a token the upstream refused (401), so the next request gets a new one.</summary>
    public void Forget(string? callerToken) => _tokens.TryRemove(callerToken is null ? "client" : "caller:" + Hash(callerToken), out _);

    private async Task<string> GetAsync(string key, Func<List<KeyValuePair<string, string>>> form, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<CachedToken>>(() => RequestAsync(form())));
            CachedToken token;
            try
            {
                token = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<CachedToken>>>(key, entry));
                throw;
            }

            if (token.RenewAt > time.GetUtcNow())
            {
                return token.Value;
            }

            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<CachedToken>>>(key, entry)); // stale: ask once more
        }

        throw new UpstreamException(upstream, $"Upstream '{upstream}': the token endpoint issued a token that is already expired.");
    }

    private async Task<CachedToken> RequestAsync(List<KeyValuePair<string, string>> form)
    {
        if (_tokens.Count > MaxCachedCallers)
        {
            Trim();
        }

        if (options.Scopes.Length > 0)
        {
            form.Add(new("scope", string.Join(' ', options.Scopes)));
        }

        if (!string.IsNullOrWhiteSpace(options.Resource))
        {
            // RFC 8707 resource when it is a URI, RFC 8693 audience (a logical name) otherwise.
            form.Add(new(Uri.TryCreate(options.Resource, UriKind.Absolute, out _) ? "resource" : "audience", options.Resource));
        }

        var secret = await secrets.GetAsync(options.Secret!, CancellationToken.None).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        var basic = Uri.EscapeDataString(options.ClientId!) + ":" + Uri.EscapeDataString(secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            // Bounded by the HttpClient's timeout; not the caller's token, since the token may serve other callers.
            response = await http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the token endpoint {options.TokenEndpoint!.GetLeftPart(UriPartial.Path)} cannot be reached.", failure);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            return Parse(response, body);
        }
    }

    private CachedToken Parse(HttpResponseMessage response, string body)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            json = default;
        }

        if (!response.IsSuccessStatusCode)
        {
            // The OAuth error code is safe to show; the description may echo what was sent, so it is left out.
            var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the token endpoint refused the request (HTTP {(int)response.StatusCode}{(error is null ? "" : ", " + error)}).");
        }

        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("access_token", out var accessToken) ||
            accessToken.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(accessToken.GetString()))
        {
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the token endpoint's answer holds no access_token.");
        }

        var lifetime = json.TryGetProperty("expires_in", out var expiresIn) && expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetInt64(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLifetime;

        // Renew a little early (a fifth of the lifetime, at most a minute) so a token never expires in flight.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 5));
        return new CachedToken(secrets.Remember(accessToken.GetString()!), time.GetUtcNow() + lifetime - margin);
    }

    private void Trim()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _tokens)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.RenewAt <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }

        if (_tokens.Count > MaxCachedCallers)
        {
            _tokens.Clear(); // many live callers: start over rather than grow without bound
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // A plain class: a record's ToString would print the token.
    private sealed class CachedToken(string value, DateTimeOffset renewAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RenewAt { get; } = renewAt;
    }
}

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing.Tests;

/// <summary>
/// Validates tokens the way a resource server's JwtBearer does: configuration and keys come from
/// the issuer's discovery document and JWKS over HTTP, only RS256 is accepted, and keys are
/// refreshed on request.
/// </summary>
internal sealed class DiscoveryValidator : IDisposable
{
    public const string Audience = "http://127.0.0.1:5000/mcp";

    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(10);

    private readonly TestOidcIssuer _issuer;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly JsonWebTokenHandler _handler = new();

    public DiscoveryValidator(TestOidcIssuer issuer)
    {
        _issuer = issuer;
        Configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            issuer.DiscoveryUri.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(_http) { RequireHttps = false });
    }

    public ConfigurationManager<OpenIdConnectConfiguration> Configuration { get; }

    /// <summary>Parameters as a resource server sets them; keys from the last retrieved configuration.</summary>
    public async Task<TokenValidationParameters> ParametersAsync()
    {
        var configuration = await Configuration.GetConfigurationAsync(CancellationToken.None);
        return new TokenValidationParameters
        {
            ValidIssuer = _issuer.Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["at+jwt"],
            ClockSkew = TimeSpan.Zero,
        };
    }

    public async Task<TokenValidationResult> ValidateAsync(string token) =>
        await _handler.ValidateTokenAsync(token, await ParametersAsync());

    public static Task<TokenValidationResult> ValidateAsync(string token, TokenValidationParameters parameters) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);

    /// <summary>
    /// Asks for fresh keys (what JwtBearer does on an unknown kid) and waits until the retrieved
    /// configuration publishes exactly <paramref name="expectedKeyIds"/>: the refresh runs in the background.
    /// </summary>
    public async Task RefreshUntilKeysAreAsync(params string[] expectedKeyIds)
    {
        Configuration.RequestRefresh();
        var deadline = DateTime.UtcNow + RefreshTimeout;
        var seen = Array.Empty<string>();
        while (DateTime.UtcNow < deadline)
        {
            var configuration = await Configuration.GetConfigurationAsync(CancellationToken.None);
            seen = [.. configuration.SigningKeys.Select(key => key.KeyId).Order()];
            if (seen.SequenceEqual(expectedKeyIds.Order()))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Fail($"Keys were not refreshed within {RefreshTimeout.TotalSeconds:0} s: expected [{string.Join(", ", expectedKeyIds)}], saw [{string.Join(", ", seen)}].");
    }

    public void Dispose() => _http.Dispose();
}

using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing;

/// <summary>A development token validated the way a server validates it, with its header and payload as JSON.</summary>
internal sealed class IssuedToken
{
    private IssuedToken(JsonWebToken token)
    {
        Token = token;
        Header = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedHeader))).RootElement;
        Payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedPayload))).RootElement;
    }

    public JsonWebToken Token { get; }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    /// <summary>
    /// Validates <paramref name="token"/> against <paramref name="key"/>, the development issuer name and
    /// <paramref name="audience"/> (signature, lifetime, type at+jwt); fails the test with the reason otherwise.
    /// </summary>
    public static async Task<IssuedToken> ValidateAsync(string token, SecurityKey key, string audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentIssuer.IssuerName,
            ValidAudience = audience,
            IssuerSigningKey = key,
            ValidTypes = ["at+jwt"],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        Assert.True(result.IsValid, $"The token did not validate: {result.Exception}");
        return new IssuedToken((JsonWebToken)result.SecurityToken);
    }

    /// <summary>The payload's string array <paramref name="name"/>; fails when it is not a JSON array.</summary>
    public string[] Array(string name)
    {
        var value = Payload.GetProperty(name);
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        return value.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    public string String(string name) => Payload.GetProperty(name).GetString()!;
}

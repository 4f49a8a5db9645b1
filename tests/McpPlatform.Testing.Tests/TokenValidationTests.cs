using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing.Tests;

public sealed class TokenValidationTests : IssuerTestBase
{
    [Fact]
    public async Task Minted_token_validates_against_keys_from_discovery()
    {
        var token = Issuer.MintToken(new TestTokenOptions { Audience = DiscoveryValidator.Audience });

        var result = await Validator.ValidateAsync(token);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(Issuer.ActiveKeyId, jwt.Kid);
        Assert.Equal(Issuer.Issuer, jwt.Issuer);
        Assert.Equal("alice", jwt.Subject);
    }

    [Fact]
    public void Minted_token_header_is_exactly_alg_kid_and_typ()
    {
        var token = Issuer.MintToken(new TestTokenOptions { Audience = DiscoveryValidator.Audience });

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.'))));

        Assert.Equal(
            [("alg", "RS256"), ("kid", Issuer.ActiveKeyId), ("typ", "at+jwt")],
            header.RootElement.EnumerateObject().Select(member => (member.Name, member.Value.GetString())).Order());
    }

    [Fact]
    public async Task Minted_token_carries_the_requested_claims()
    {
        var token = Issuer.MintToken(new TestTokenOptions
        {
            Audience = DiscoveryValidator.Audience,
            Subject = "bob",
            Scopes = ["tools.read", "tools.write"],
            Groups = ["finance", "ops"],
            Roles = ["admin"],
            ClientId = "agent-1",
            Name = "Bob Builder",
            Email = "bob@example.com",
            Claims = new Dictionary<string, object?> { ["tenant"] = "contoso", ["level"] = 3 },
        });

        var result = await Validator.ValidateAsync(token);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("bob", jwt.Subject);
        Assert.Equal("tools.read tools.write", jwt.GetPayloadValue<string>("scope"));
        Assert.Equal(["finance", "ops"], jwt.GetPayloadValue<string[]>("groups"));
        Assert.Equal(["admin"], jwt.GetPayloadValue<string[]>("roles"));
        Assert.Equal("agent-1", jwt.GetPayloadValue<string>("client_id"));
        Assert.Equal("Bob Builder", jwt.GetPayloadValue<string>("name"));
        Assert.Equal("bob@example.com", jwt.GetPayloadValue<string>("email"));
        Assert.Equal("contoso", jwt.GetPayloadValue<string>("tenant"));
        Assert.Equal(3, jwt.GetPayloadValue<int>("level"));
    }

    [Fact]
    public void Default_lifetime_starts_a_minute_ago_and_lasts_ten_minutes()
    {
        var before = DateTimeOffset.UtcNow;
        var token = Issuer.MintToken(new TestTokenOptions { Audience = DiscoveryValidator.Audience });
        var jwt = new JsonWebToken(token);

        Assert.InRange(jwt.ValidFrom, before.AddMinutes(-1).AddSeconds(-2).UtcDateTime, before.AddMinutes(-1).AddSeconds(2).UtcDateTime);
        Assert.InRange(jwt.ValidTo, before.AddMinutes(10).AddSeconds(-2).UtcDateTime, before.AddMinutes(10).AddSeconds(2).UtcDateTime);
        Assert.Equal(jwt.ValidFrom, jwt.IssuedAt);
    }

    [Fact]
    public async Task Null_claim_value_removes_the_claim()
    {
        var token = Issuer.MintToken(new TestTokenOptions
        {
            Audience = DiscoveryValidator.Audience,
            Subject = null,
            Claims = new Dictionary<string, object?> { ["exp"] = null },
        });
        var jwt = new JsonWebToken(token);

        var result = await Validator.ValidateAsync(token);

        Assert.False(jwt.TryGetPayloadValue<long>("exp", out _));
        Assert.False(jwt.TryGetPayloadValue<string>("sub", out _));
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenNoExpirationException>(result.Exception);
    }

    [Fact]
    public async Task Token_for_another_audience_is_rejected()
    {
        var token = Issuer.MintToken(new TestTokenOptions { Audience = "http://127.0.0.1:5001/other" });

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(result.Exception);
    }

    [Fact]
    public async Task Token_with_a_forged_issuer_is_rejected()
    {
        var token = Issuer.MintToken(new TestTokenOptions
        {
            Audience = DiscoveryValidator.Audience,
            IssuerOverride = "https://login.example.com",
        });

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var token = Issuer.MintToken(new TestTokenOptions
        {
            Audience = DiscoveryValidator.Audience,
            Expires = DateTimeOffset.UtcNow.AddMinutes(-1),
        });

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task Token_not_yet_valid_is_rejected()
    {
        var token = Issuer.MintToken(new TestTokenOptions
        {
            Audience = DiscoveryValidator.Audience,
            NotBefore = DateTimeOffset.UtcNow.AddMinutes(5),
        });

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenNotYetValidException>(result.Exception);
    }
}

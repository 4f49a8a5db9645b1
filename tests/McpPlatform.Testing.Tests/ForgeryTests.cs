using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing.Tests;

/// <summary>
/// Each forgery fails against keys from JWKS with only RS256 allowed, and each "sanity" test shows
/// the forgery is otherwise well made, so the rejection is for the intended reason.
/// </summary>
public sealed class ForgeryTests : IssuerTestBase
{
    private static TestTokenOptions Options => new() { Audience = DiscoveryValidator.Audience, Scopes = ["tools.write"] };

    [Fact]
    public async Task Unsigned_token_is_rejected()
    {
        var token = Issuer.MintUnsignedToken(Options);

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task Unsigned_token_is_alg_none_with_an_empty_signature_and_the_same_claims()
    {
        var token = Issuer.MintUnsignedToken(Options);
        var jwt = new JsonWebToken(token);

        Assert.EndsWith(".", token);
        Assert.Equal("none", jwt.Alg);
        Assert.Equal(Issuer.Issuer, jwt.Issuer);
        Assert.Equal("tools.write", jwt.GetPayloadValue<string>("scope"));
        var parameters = await Validator.ParametersAsync();
        parameters.RequireSignedTokens = false;
        parameters.ValidAlgorithms = null;
        Assert.True((await DiscoveryValidator.ValidateAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task Hs256_token_keyed_with_the_public_key_is_rejected()
    {
        var token = Issuer.MintHs256WithPublicKey(Options);

        var result = await Validator.ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task Hs256_token_keyed_with_the_public_key_is_rejected_even_without_an_algorithm_allow_list()
    {
        var token = Issuer.MintHs256WithPublicKey(Options);
        var parameters = await Validator.ParametersAsync();
        parameters.ValidAlgorithms = null;

        var result = await DiscoveryValidator.ValidateAsync(token, parameters);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Hs256_forgery_is_a_correct_hmac_over_the_public_key_pem()
    {
        var token = Issuer.MintHs256WithPublicKey(Options);
        var jwt = new JsonWebToken(token);
        var parameters = await Validator.ParametersAsync();
        parameters.IssuerSigningKeys = [new SymmetricSecurityKey(Encoding.ASCII.GetBytes(Issuer.ActivePublicKeyPem)) { KeyId = Issuer.ActiveKeyId }];
        parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];

        var result = await DiscoveryValidator.ValidateAsync(token, parameters);

        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(Issuer.ActiveKeyId, jwt.Kid);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", Issuer.ActivePublicKeyPem);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_is_rejected()
    {
        var token = Issuer.MintWithUnknownKey(Options);
        var jwt = new JsonWebToken(token);

        var result = await Validator.ValidateAsync(token);

        Assert.Equal("RS256", jwt.Alg);
        Assert.DoesNotContain(jwt.Kid, Issuer.PublishedKeyIds);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_is_rejected_even_when_every_key_is_tried()
    {
        var token = Issuer.MintWithUnknownKey(Options);
        var parameters = await Validator.ParametersAsync();
        parameters.TryAllIssuerSigningKeys = true;

        var result = await DiscoveryValidator.ValidateAsync(token, parameters);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Tampered_signature_is_rejected()
    {
        var genuine = Issuer.MintToken(Options);
        var token = Issuer.TamperSignature(genuine);

        var result = await Validator.ValidateAsync(token);

        Assert.NotEqual(genuine, token);
        Assert.Equal(genuine[..genuine.LastIndexOf('.')], token[..token.LastIndexOf('.')]);
        Assert.True((await Validator.ValidateAsync(genuine)).IsValid);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }
}

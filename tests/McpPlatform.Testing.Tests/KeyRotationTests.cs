using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing.Tests;

public sealed class KeyRotationTests : IssuerTestBase
{
    private static TestTokenOptions Options => new() { Audience = DiscoveryValidator.Audience };

    [Fact]
    public async Task After_rotation_old_tokens_fail_and_new_tokens_validate_once_keys_are_refreshed()
    {
        var oldKeyId = Issuer.ActiveKeyId;
        var oldToken = Issuer.MintToken(Options);
        Assert.True((await Validator.ValidateAsync(oldToken)).IsValid);
        Assert.Equal(1, Issuer.JwksRequests);

        var newKeyId = Issuer.RotateSigningKey();
        var newToken = Issuer.MintToken(Options);

        // Until the validator refreshes, it only knows the old key.
        var beforeRefresh = await Validator.ValidateAsync(newToken);
        Assert.False(beforeRefresh.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(beforeRefresh.Exception);

        await Validator.RefreshUntilKeysAreAsync(newKeyId);

        var oldResult = await Validator.ValidateAsync(oldToken);
        var newResult = await Validator.ValidateAsync(newToken);
        Assert.False(oldResult.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(oldResult.Exception);
        Assert.True(newResult.IsValid, newResult.Exception?.Message);
        Assert.NotEqual(oldKeyId, newKeyId);
        Assert.Equal(2, Issuer.JwksRequests);
        Assert.Equal(2, Issuer.DiscoveryRequests);
    }

    [Fact]
    public async Task Rotation_that_keeps_the_old_key_publishes_both_and_both_tokens_validate()
    {
        var oldKeyId = Issuer.ActiveKeyId;
        var oldToken = Issuer.MintToken(Options);
        await Validator.ParametersAsync();

        var newKeyId = Issuer.RotateSigningKey(keepOld: true);
        var newToken = Issuer.MintToken(Options);
        await Validator.RefreshUntilKeysAreAsync(oldKeyId, newKeyId);

        Assert.Equal([oldKeyId, newKeyId], Issuer.PublishedKeyIds);
        Assert.Equal(newKeyId, Issuer.ActiveKeyId);
        Assert.True((await Validator.ValidateAsync(oldToken)).IsValid);
        Assert.True((await Validator.ValidateAsync(newToken)).IsValid);
    }

    [Fact]
    public async Task Rotation_without_keeping_drops_every_older_key()
    {
        Issuer.RotateSigningKey(keepOld: true);
        var latest = Issuer.RotateSigningKey();

        using var http = DiscoveryTests.LoopbackHttp();
        var jwks = await http.GetStringAsync(Issuer.JwksUri);

        Assert.Equal([latest], Issuer.PublishedKeyIds);
        Assert.Equal([latest], new JsonWebKeySet(jwks).Keys.Select(key => key.Kid));
    }
}

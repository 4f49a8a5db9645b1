using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Testing.Tests;

public sealed class KeyRotationTests : IAsyncLifetime
{
    private TestOidcIssuer _issuer = null!;
    private DiscoveryValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        _validator = new DiscoveryValidator(_issuer);
    }

    public async Task DisposeAsync()
    {
        _validator.Dispose();
        await _issuer.DisposeAsync();
    }

    private static TestTokenOptions Options => new() { Audience = DiscoveryValidator.Audience };

    [Fact]
    public async Task After_rotation_old_tokens_fail_and_new_tokens_validate_once_keys_are_refreshed()
    {
        var oldKeyId = _issuer.ActiveKeyId;
        var oldToken = _issuer.MintToken(Options);
        Assert.True((await _validator.ValidateAsync(oldToken)).IsValid);
        Assert.Equal(1, _issuer.JwksRequests);

        var newKeyId = _issuer.RotateSigningKey();
        var newToken = _issuer.MintToken(Options);

        // Until the validator refreshes, it only knows the old key.
        var beforeRefresh = await _validator.ValidateAsync(newToken);
        Assert.False(beforeRefresh.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(beforeRefresh.Exception);

        await _validator.RefreshUntilKeysAreAsync(newKeyId);

        var oldResult = await _validator.ValidateAsync(oldToken);
        var newResult = await _validator.ValidateAsync(newToken);
        Assert.False(oldResult.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(oldResult.Exception);
        Assert.True(newResult.IsValid, newResult.Exception?.Message);
        Assert.NotEqual(oldKeyId, newKeyId);
        Assert.Equal(2, _issuer.JwksRequests);
        Assert.Equal(2, _issuer.DiscoveryRequests);
    }

    [Fact]
    public async Task Rotation_that_keeps_the_old_key_publishes_both_and_both_tokens_validate()
    {
        var oldKeyId = _issuer.ActiveKeyId;
        var oldToken = _issuer.MintToken(Options);
        await _validator.ParametersAsync();

        var newKeyId = _issuer.RotateSigningKey(keepOld: true);
        var newToken = _issuer.MintToken(Options);
        await _validator.RefreshUntilKeysAreAsync(oldKeyId, newKeyId);

        Assert.Equal([oldKeyId, newKeyId], _issuer.PublishedKeyIds);
        Assert.Equal(newKeyId, _issuer.ActiveKeyId);
        Assert.True((await _validator.ValidateAsync(oldToken)).IsValid);
        Assert.True((await _validator.ValidateAsync(newToken)).IsValid);
    }

    [Fact]
    public async Task Rotation_without_keeping_drops_every_older_key()
    {
        _issuer.RotateSigningKey(keepOld: true);
        var latest = _issuer.RotateSigningKey();

        using var http = DiscoveryTests.LoopbackHttp();
        var jwks = await http.GetStringAsync(_issuer.JwksUri);

        Assert.Equal([latest], _issuer.PublishedKeyIds);
        Assert.Equal([latest], new JsonWebKeySet(jwks).Keys.Select(key => key.Kid));
    }
}

using System.Net;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Authentication;

public sealed class KeyRotationTests
{
    private const int MaxAttempts = 10;

    [Fact]
    public async Task Token_signed_by_a_rotated_key_is_accepted_after_the_server_refetches_the_keys()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = issuer,
            GrantTestCallerEverything = false,
        });
        using (var before = await BearerChallenges.SendInitializeAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var jwksRequestsBefore = issuer.JwksRequests;
        var newKeyId = issuer.RotateSigningKey();

        // JwtBearer refetches JWKS when a token names an unknown kid; the token that triggers it may
        // still be refused, so a bounded number of fresh tokens is tried.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < MaxAttempts && !statuses.Contains(HttpStatusCode.OK); attempt++)
        {
            using var response = await BearerChallenges.SendInitializeAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader));
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)));
            }
        }

        Assert.True(statuses.Contains(HttpStatusCode.OK), $"A token signed with the new key {newKeyId} was never accepted: {string.Join(", ", statuses)}.");
        Assert.True(issuer.JwksRequests > jwksRequestsBefore, "The server never refetched JWKS after the rotation.");
    }
}

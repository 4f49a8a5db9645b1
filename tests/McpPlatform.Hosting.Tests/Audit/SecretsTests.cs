using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>What must never reach an audit line: the caller's bearer token, and secrets passed as tool arguments.</summary>
public sealed class SecretsTests : IDisposable
{
    private const string AwsAccessKey = "AKIAIOSFODNN7EXAMPLE";

    // A JWT-shaped value: base64url header and payload of {"alg":"HS256"} / {"sub":"1234567890"} and a signature.
    private const string JwtLookingValue = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task The_callers_bearer_token_appears_in_no_audit_line()
    {
        string token;
        await using (var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path }))
        {
            token = server.MintToken();
            await using var client = await server.ConnectWithTokenAsync(token);
            await client.CallAsync("echo", """{"text":"hello"}""");
            await client.CallAsync("open_ticket", """{"ticket":{"title":"Token","priority":"Low"}}""");
            using var http = new HttpClient();
            using var refused = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: token + "x"));
            Assert.Equal(401, (int)refused.StatusCode);
        }

        var trail = _audit.Read();

        Assert.NotEmpty(trail.Lines);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var payload = token.Split('.')[1];
        Assert.All(trail.Lines, line =>
        {
            Assert.DoesNotContain(signature, line.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(payload, line.Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(AwsAccessKey)]
    [InlineData(JwtLookingValue)]
    public async Task A_secret_in_tool_arguments_never_reaches_the_audit_log(string secret)
    {
        await using (var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path }))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", System.Text.Json.JsonSerializer.Serialize(new { text = $"deploy with {secret} now" }));
            await client.CallAsync("open_ticket", System.Text.Json.JsonSerializer.Serialize(new { ticket = new { title = secret, priority = "Low" } }));
        }

        var trail = _audit.Read();

        // Blocked calls are audited without arguments; redacted ones with the redacted value. Either way, never the secret.
        Assert.Single(trail.Requests, l => l.Tool == "echo");
        Assert.Single(trail.Requests, l => l.Tool == "open_ticket");
        Assert.All(trail.Lines, line => Assert.False(
            line.Text.Contains(secret, StringComparison.Ordinal),
            $"Data-loss rules did not keep a raw secret out of the audit log: {line.Text}"));
    }
}

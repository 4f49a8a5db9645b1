using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Governance.Tests.Authentication;

public sealed class DevelopmentIssuerTests : IDisposable
{
    private const string Audience = "http://127.0.0.1:5080/mcp";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task First_use_creates_the_key_file_and_a_reload_gives_the_same_key()
    {
        var keyFile = _folder.Combine("nested", "mcp-platform", "dev-issuer.json");

        var created = DevelopmentIssuer.LoadOrCreate(keyFile);
        var reloaded = DevelopmentIssuer.LoadOrCreate(keyFile);

        Assert.True(File.Exists(keyFile));
        Assert.Equal(keyFile, created.KeyFile);
        Assert.False(string.IsNullOrWhiteSpace(created.KeyId));
        Assert.Equal(created.KeyId, reloaded.KeyId);
        Assert.Equal(created.Created, reloaded.Created);

        // A token minted before the reload validates with the reloaded public key.
        var token = created.MintToken(new DevelopmentTokenRequest("alice", Audience));
        var issued = await IssuedToken.ValidateAsync(token, reloaded.PublicKey, Audience);
        Assert.Equal(created.KeyId, issued.Header.GetProperty("kid").GetString());
    }

    [Fact]
    public void Key_file_holds_the_kid_the_creation_time_and_a_pkcs8_private_key()
    {
        var keyFile = _folder.Combine("dev-issuer.json");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyFile);

        var json = JsonNode.Parse(File.ReadAllText(keyFile))!.AsObject();

        Assert.Equal(issuer.KeyId, (string?)json["kid"]);
        Assert.True(DateTimeOffset.TryParse((string?)json["created"], out _));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", (string?)json["privateKey"]);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Public_key_is_the_rsa_public_half_with_the_key_id()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));

        var key = Assert.IsType<RsaSecurityKey>(issuer.PublicKey);
        Assert.Equal(issuer.KeyId, key.KeyId);
        Assert.Equal(PrivateKeyStatus.DoesNotExist, key.PrivateKeyStatus);
        Assert.Equal(2048, key.KeySize);
        Assert.Equal(SecurityAlgorithms.RsaSha256, issuer.SigningCredentials.Algorithm);
        Assert.Equal(issuer.KeyId, issuer.SigningCredentials.Key.KeyId);
    }

    [Fact]
    public void Key_file_and_its_new_folder_are_private_to_the_owner_on_Unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        var folder = _folder.Combine("mcp-platform");
        var keyFile = Path.Combine(folder, "dev-issuer.json");
        DevelopmentIssuer.LoadOrCreate(keyFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task Concurrent_first_use_agrees_on_one_key_and_leaves_a_valid_file()
    {
        var keyFile = _folder.Combine("race", "dev-issuer.json");

        using var start = new Barrier(8);
        var issuers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return DevelopmentIssuer.LoadOrCreate(keyFile);
        })));

        var stored = DevelopmentIssuer.LoadOrCreate(keyFile);
        Assert.All(issuers, issuer => Assert.Equal(stored.KeyId, issuer.KeyId));
        foreach (var issuer in issuers)
        {
            // Every racer signs with the key that ended up in the file.
            await IssuedToken.ValidateAsync(issuer.MintToken(new DevelopmentTokenRequest("alice", Audience)), stored.PublicKey, Audience);
        }

        Assert.Equal(["dev-issuer.json"], Directory.GetFiles(Path.GetDirectoryName(keyFile)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"created":"2025-01-01T00:00:00Z","privateKey":"x"}""", "'kid'")]
    [InlineData("""{"kid":"k1","created":"yesterday","privateKey":"x"}""", "'created'")]
    [InlineData("""{"kid":"k1","created":"2025-01-01T00:00:00Z"}""", "'privateKey'")]
    [InlineData("""{"kid":"k1","created":"2025-01-01T00:00:00Z","privateKey":"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"}""", "'privateKey'")]
    [InlineData("", "not valid JSON")]
    public void Malformed_key_file_is_refused_with_its_path_and_how_to_regenerate(string content, string reason)
    {
        var keyFile = _folder.Combine("dev-issuer.json");
        File.WriteAllText(keyFile, content);

        var error = Assert.Throws<InvalidOperationException>(() => DevelopmentIssuer.LoadOrCreate(keyFile));

        Assert.Contains(keyFile, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("Delete it to generate a new key", error.Message);
        Assert.Equal(content, File.ReadAllText(keyFile)); // never silently replaced
    }

    [Fact]
    public void Key_file_with_a_public_key_only_is_refused()
    {
        var keyFile = _folder.Combine("dev-issuer.json");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(keyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kid"] = "k1",
            ["created"] = "2025-01-01T00:00:00Z",
            ["privateKey"] = rsa.ExportSubjectPublicKeyInfoPem(),
        }));

        var error = Assert.Throws<InvalidOperationException>(() => DevelopmentIssuer.LoadOrCreate(keyFile));

        Assert.Contains("public key only", error.Message);
        Assert.Contains(keyFile, error.Message);
    }

    [Fact]
    public void Default_key_file_is_per_user_and_the_environment_variable_overrides_it()
    {
        var previous = Environment.GetEnvironmentVariable(DevelopmentIssuer.KeyFileEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DevelopmentIssuer.KeyFileEnvironmentVariable, null);
            var appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            Assert.Equal(Path.Combine(appData, "mcp-platform", "dev-issuer.json"), DevelopmentIssuer.DefaultKeyFile);

            var overridden = _folder.Combine("elsewhere.json");
            Environment.SetEnvironmentVariable(DevelopmentIssuer.KeyFileEnvironmentVariable, overridden);
            Assert.Equal(overridden, DevelopmentIssuer.DefaultKeyFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DevelopmentIssuer.KeyFileEnvironmentVariable, previous);
        }
    }

    [Fact]
    public async Task Token_carries_every_requested_claim_in_its_rfc_9068_shape()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var token = issuer.MintToken(new DevelopmentTokenRequest("alice", Audience)
        {
            Scopes = ["mcp:read", "jira:write"],
            Groups = ["engineering"],
            Roles = ["admin", "auditor"],
            Name = "Alice Example",
            Email = "alice@example.com",
            Claims = new Dictionary<string, string> { ["device_managed"] = "true", ["tenant"] = "acme" },
            Lifetime = TimeSpan.FromMinutes(30),
        });

        var issued = await IssuedToken.ValidateAsync(token, issuer.PublicKey, Audience);
        Assert.Equal("at+jwt", issued.Header.GetProperty("typ").GetString());
        Assert.Equal("RS256", issued.Header.GetProperty("alg").GetString());
        Assert.Equal(issuer.KeyId, issued.Header.GetProperty("kid").GetString());
        Assert.Equal(DevelopmentIssuer.IssuerName, issued.String("iss"));
        Assert.Equal(Audience, issued.String("aud"));
        Assert.Equal("alice", issued.String("sub"));
        Assert.Equal("mcp:read jira:write", issued.String("scope"));
        Assert.Equal(["engineering"], issued.Array("groups"));
        Assert.Equal(["admin", "auditor"], issued.Array("roles"));
        Assert.Equal("mcp-platform-dev", issued.String("client_id"));
        Assert.Equal("Alice Example", issued.String("name"));
        Assert.Equal("alice@example.com", issued.String("email"));
        Assert.Equal("true", issued.String("device_managed"));
        Assert.Equal("acme", issued.String("tenant"));
        Assert.False(string.IsNullOrEmpty(issued.String("jti")));

        var iat = issued.Payload.GetProperty("iat").GetInt64();
        Assert.InRange(iat, before - 1, before + 60);
        Assert.Equal(iat, issued.Payload.GetProperty("nbf").GetInt64());
        Assert.Equal(iat + 30 * 60, issued.Payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task Defaults_grant_mcp_read_for_one_hour_and_leave_out_empty_groups_and_roles()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));

        var issued = await IssuedToken.ValidateAsync(issuer.MintToken(new DevelopmentTokenRequest("bob", Audience)), issuer.PublicKey, Audience);

        Assert.Equal("mcp:read", issued.String("scope"));
        Assert.Equal("mcp-platform-dev", issued.String("client_id"));
        Assert.False(issued.Payload.TryGetProperty("groups", out _));
        Assert.False(issued.Payload.TryGetProperty("roles", out _));
        Assert.False(issued.Payload.TryGetProperty("name", out _));
        Assert.Equal(3600, issued.Payload.GetProperty("exp").GetInt64() - issued.Payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Token_for_another_audience_does_not_validate()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));
        var token = issuer.MintToken(new DevelopmentTokenRequest("alice", "http://127.0.0.1:6000/mcp"));

        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentIssuer.IssuerName,
            ValidAudience = Audience,
            IssuerSigningKey = issuer.PublicKey,
        });

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(result.Exception);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(24 * 3600 + 1)]
    [InlineData(48 * 3600)]
    public void Lifetime_must_be_more_than_zero_and_at_most_a_day(int seconds)
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));
        var request = new DevelopmentTokenRequest("alice", Audience) { Lifetime = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => issuer.MintToken(request));

        Assert.Contains("24 hours", error.Message);
    }

    [Fact]
    public async Task A_lifetime_of_exactly_a_day_is_allowed()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));

        var token = issuer.MintToken(new DevelopmentTokenRequest("alice", Audience) { Lifetime = DevelopmentIssuer.MaxLifetime });

        var issued = await IssuedToken.ValidateAsync(token, issuer.PublicKey, Audience);
        Assert.Equal(24 * 3600, issued.Payload.GetProperty("exp").GetInt64() - issued.Payload.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("scope")]
    [InlineData("groups")]
    [InlineData("client_id")]
    public void Extra_claims_cannot_replace_a_claim_the_issuer_sets(string name)
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));
        var request = new DevelopmentTokenRequest("alice", Audience) { Claims = new Dictionary<string, string> { [name] = "x" } };

        var error = Assert.Throws<ArgumentException>(() => issuer.MintToken(request));

        Assert.Contains($"'{name}'", error.Message);
    }

    [Theory]
    [InlineData("", Audience)]
    [InlineData("alice", " ")]
    public void Subject_and_audience_are_required(string subject, string audience)
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));

        Assert.Throws<ArgumentException>(() => issuer.MintToken(new DevelopmentTokenRequest(subject, audience)));
    }

    [Fact]
    public void A_scope_with_a_space_is_refused()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(_folder.Combine("dev-issuer.json"));

        var error = Assert.Throws<ArgumentException>(
            () => issuer.MintToken(new DevelopmentTokenRequest("alice", Audience) { Scopes = ["mcp:read mcp:write"] }));

        Assert.Contains("white space", error.Message);
    }
}

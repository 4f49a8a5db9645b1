using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;

namespace McpPlatform.Cli.Tests;

public sealed class DevTokenCommandTests : IDisposable
{
    private const string Audience = "http://127.0.0.1:5099/mcp";

    private readonly TemporaryFolder _folder = new();

    private string KeyFile => _folder.Combine("dev-issuer.json");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Token_validates_against_the_key_file_with_the_requested_claims()
    {
        var run = (await CliRun.RunAsync(
            "dev-token", "--key-file", KeyFile, "--subject", "alice", "--audience", Audience,
            "--scope", "mcp:read", "--scope", "jira:write", "--group", "engineering", "--group", "oncall", "--role", "admin",
            "--claim", "device_managed=true", "--claim", "tenant=acme=corp", "--name", "Alice Example", "--email", "alice@example.com",
            "--lifetime", "30m")).EnsureSuccess();

        var token = run.Stdout.TrimEnd('\n');
        Assert.DoesNotContain('\n', token); // the token alone: TOKEN=$(mcp-platform dev-token) works
        var issued = await IssuedToken.ValidateAsync(token, DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, Audience);
        Assert.Equal("alice", issued.String("sub"));
        Assert.Equal(Audience, issued.String("aud"));
        Assert.Equal("mcp:read jira:write", issued.String("scope"));
        Assert.Equal(["engineering", "oncall"], issued.Array("groups"));
        Assert.Equal(["admin"], issued.Array("roles"));
        Assert.Equal("true", issued.String("device_managed"));
        Assert.Equal("acme=corp", issued.String("tenant"));
        Assert.Equal("Alice Example", issued.String("name"));
        Assert.Equal("alice@example.com", issued.String("email"));
        Assert.Equal(1800, issued.Payload.GetProperty("exp").GetInt64() - issued.Payload.GetProperty("iat").GetInt64());
        Assert.Contains("Created the development issuer key", run.Stderr);
    }

    [Fact]
    public async Task Defaults_are_mcp_read_for_the_sample_server_for_one_hour()
    {
        var run = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile)).EnsureSuccess();

        var issued = await IssuedToken.ValidateAsync(run.Stdout.Trim(), DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, "http://127.0.0.1:5080/mcp");
        Assert.Equal("mcp:read", issued.String("scope"));
        Assert.False(string.IsNullOrWhiteSpace(issued.String("sub")));
        Assert.Equal(3600, issued.Payload.GetProperty("exp").GetInt64() - issued.Payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task A_space_separated_scope_list_grants_each_scope()
    {
        var run = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-a", Audience, "--scope", "mcp:read mcp:write")).EnsureSuccess();

        var issued = await IssuedToken.ValidateAsync(run.Stdout.Trim(), DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, Audience);
        Assert.Equal("mcp:read mcp:write", issued.String("scope"));
    }

    [Fact]
    public async Task Second_run_reuses_the_key_file()
    {
        var first = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-s", "alice")).EnsureSuccess();
        var keyId = DevelopmentIssuer.LoadOrCreate(KeyFile).KeyId;
        var second = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-s", "alice")).EnsureSuccess();

        Assert.Contains("Created", first.Stderr);
        Assert.DoesNotContain("Created", second.Stderr);
        Assert.Equal(keyId, DevelopmentIssuer.LoadOrCreate(KeyFile).KeyId);
    }

    [Fact]
    public async Task Json_output_has_token_expiry_issuer_and_audience()
    {
        var run = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-a", Audience, "--lifetime", "2h", "--json")).EnsureSuccess();

        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(["token", "expires", "issuer", "audience"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(DevelopmentIssuer.IssuerName, root.GetProperty("issuer").GetString());
        Assert.Equal(Audience, root.GetProperty("audience").GetString());
        var issued = await IssuedToken.ValidateAsync(root.GetProperty("token").GetString()!, DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, Audience);
        var expires = root.GetProperty("expires").GetDateTimeOffset();
        Assert.Equal(issued.Payload.GetProperty("exp").GetInt64(), expires.ToUnixTimeSeconds());
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
    }

    [Theory]
    [InlineData("device_managed")]
    [InlineData("=true")]
    [InlineData("two words=x")]
    public async Task Malformed_claim_is_bad_usage_naming_the_option(string claim)
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--claim", claim);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--claim", run.Stderr);
        Assert.Contains("name=value", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(KeyFile)); // nothing ran
    }

    [Theory]
    [InlineData("sub=mallory")]
    [InlineData("scope=admin")]
    public async Task Claim_the_issuer_sets_is_bad_usage(string claim)
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--claim", claim);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--claim", run.Stderr);
        Assert.Contains("set by the development issuer", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Same_claim_twice_is_bad_usage()
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--claim", "a=1", "--claim", "a=2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--claim: 'a' is given more than once", run.Stderr);
    }

    [Theory]
    [InlineData("soon", "is not a duration")]
    [InlineData("30", "is not a duration")] // a bare number has no unit
    [InlineData("5x", "is not a duration")]
    [InlineData("25h", "out of range")]
    [InlineData("0s", "out of range")]
    [InlineData("2.00:00:00", "out of range")]
    public async Task Bad_lifetime_is_bad_usage_naming_the_option(string lifetime, string reason)
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--lifetime", lifetime);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lifetime", run.Stderr);
        Assert.Contains(reason, run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("01:00:00", 3600)]
    [InlineData("24h", 86400)]
    [InlineData("1d", 86400)]
    public async Task Lifetime_accepts_units_and_time_spans(string lifetime, long seconds)
    {
        var run = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-a", Audience, "--lifetime", lifetime)).EnsureSuccess();

        var issued = await IssuedToken.ValidateAsync(run.Stdout.Trim(), DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, Audience);
        Assert.Equal(seconds, issued.Payload.GetProperty("exp").GetInt64() - issued.Payload.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData("127.0.0.1:5080/mcp")]
    [InlineData("/mcp")]
    [InlineData("ftp://127.0.0.1/mcp")]
    [InlineData("http://127.0.0.1:5080/mcp#fragment")]
    public async Task Audience_that_is_not_an_http_resource_uri_is_bad_usage(string audience)
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--audience", audience);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--audience", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Audience_without_a_path_warns_on_stderr_but_still_mints()
    {
        var run = (await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "-a", "http://127.0.0.1:5080")).EnsureSuccess();

        Assert.Contains("warning: the audience http://127.0.0.1:5080 has no path", run.Stderr);
        await IssuedToken.ValidateAsync(run.Stdout.Trim(), DevelopmentIssuer.LoadOrCreate(KeyFile).PublicKey, "http://127.0.0.1:5080");
    }

    [Fact]
    public async Task Unknown_option_is_bad_usage_with_a_pointer_to_help()
    {
        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile, "--scopes", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--scopes", run.Stderr);
        Assert.Contains("Run 'mcp-platform dev-token --help' for usage.", run.Stderr);
    }

    [Fact]
    public async Task No_command_is_bad_usage()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'mcp-platform --help' for usage.", run.Stderr);
    }

    [Fact]
    public async Task Malformed_key_file_fails_with_its_path_and_no_token()
    {
        File.WriteAllText(KeyFile, "{}");

        var run = await CliRun.RunAsync("dev-token", "--key-file", KeyFile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(KeyFile, run.Stderr);
        Assert.Contains("Delete it to generate a new key", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Command_help_describes_every_option()
    {
        var run = (await CliRun.RunAsync("dev-token", "--help")).EnsureSuccess();

        Assert.Contains("mcp-platform dev-token [options]", run.Stdout);
        foreach (var option in new[]
        {
            "-s, --subject", "-a, --audience", "--scope", "--group", "--role", "--claim <name=value>", "--name", "--email",
            "--lifetime", "--key-file", "--json", "--help",
        })
        {
            Assert.Contains(option, run.Stdout);
        }

        Assert.Contains("canonical resource URI", run.Stdout);
        Assert.Contains("scheme, host, port and MCP path", run.Stdout);
        Assert.Contains("http://127.0.0.1:5080/mcp", run.Stdout);
        Assert.Contains(DevelopmentIssuer.KeyFileEnvironmentVariable, run.Stdout);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task Root_help_lists_the_commands_and_options()
    {
        var run = (await CliRun.RunAsync("--help")).EnsureSuccess();

        Assert.Contains("mcp-platform [command] [options]", run.Stdout);
        Assert.Contains("dev-token", run.Stdout);
        Assert.Contains("development issuer", run.Stdout);
        Assert.Contains("--help", run.Stdout);
        Assert.Contains("--version", run.Stdout);
    }
}

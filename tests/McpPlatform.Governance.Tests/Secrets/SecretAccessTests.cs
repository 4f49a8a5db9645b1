using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Tests.Secrets;

/// <summary>Least privilege, caching with a TTL, rotation, env override and failures of <see cref="SecretAccess"/>.</summary>
public sealed class SecretAccessTests
{
    private const string Value = "s3cr3t-value-that-must-not-leak";
    private readonly InMemorySecrets _store = new();
    private readonly ManualClock _clock = new();
    private readonly McpToolDescriptor _jira = Tool("jira_search", "jira-token");

    [Fact]
    public async Task Declared_secret_is_returned_and_cached_until_its_ttl_expires()
    {
        _store.Set("jira-token", Value);
        var access = Access(TimeSpan.FromMinutes(5));

        Assert.Equal(Value, await access.GetAsync(_jira, "jira-token", default));
        Assert.Equal(Value, await access.GetAsync(_jira, "jira-token", default));
        Assert.Equal(1, _store.Reads);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await access.GetAsync(_jira, "jira-token", default);
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task Rotated_secret_is_picked_up_after_the_ttl_without_a_restart()
    {
        _store.Set("jira-token", "version-one");
        var access = Access(TimeSpan.FromSeconds(30));
        Assert.Equal("version-one", await access.GetAsync(_jira, "jira-token", default));

        _store.Set("jira-token", "version-two");
        Assert.Equal("version-one", await access.GetAsync(_jira, "jira-token", default));
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("version-two", await access.GetAsync(_jira, "jira-token", default));
    }

    [Fact]
    public async Task Undeclared_secret_is_refused_without_asking_the_store()
    {
        _store.Set("db-password", Value);

        var error = await Assert.ThrowsAsync<ToolSecretException>(() => Access().GetAsync(_jira, "db-password", default).AsTask());

        Assert.Contains("did not declare the secret 'db-password'", error.Message);
        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task Missing_and_unreachable_secrets_give_clear_errors_without_values()
    {
        var missing = await Assert.ThrowsAsync<ToolSecretException>(() => Access().GetAsync(_jira, "jira-token", default).AsTask());
        Assert.Contains("does not exist", missing.Message);

        _store.Set("jira-token", Value);
        _store.FailWith = new SecretProviderException("vault unreachable");
        var unreachable = await Assert.ThrowsAsync<ToolSecretException>(() => Access().GetAsync(_jira, "jira-token", default).AsTask());
        Assert.Contains("'jira-token'", unreachable.Message);
        Assert.Contains("unavailable from the", unreachable.Message);
        Assert.DoesNotContain("vault unreachable", unreachable.Message); // the provider's text goes to the log, not to the caller
        Assert.DoesNotContain(Value, unreachable.ToString());
    }

    [Fact]
    public async Task Environment_variable_overrides_the_store()
    {
        var access = Access();
        var variable = access.EnvironmentName("jira-token");
        Assert.Equal("MCP_SECRET_JIRA_TOKEN", variable);
        Environment.SetEnvironmentVariable(variable, "from-environment");
        try
        {
            Assert.Equal("from-environment", await access.GetAsync(_jira, "jira-token", default));
            Assert.Equal(0, _store.Reads);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private SecretAccess Access(TimeSpan? ttl = null) =>
        new(_store, Options.Create(new SecretsOptions { CacheTtl = ttl ?? TimeSpan.FromMinutes(5) }), _clock, NullLogger<SecretAccess>.Instance);

    private static McpToolDescriptor Tool(string name, params string[] secrets) => new()
    {
        Name = name,
        Description = "A tool.",
        Access = ToolAccess.Read,
        ToolSet = "jira",
        InputSchema = "{}",
        Secrets = secrets,
    };

    private sealed class InMemorySecrets : ISecretProvider
    {
        private readonly Dictionary<string, SecretValue> _values = new(StringComparer.Ordinal);

        public string Name => "memory";

        public int Reads { get; private set; }

        public SecretProviderException? FailWith { get; set; }

        public void Set(string name, string value) => _values[name] = new SecretValue(value, Guid.NewGuid().ToString("N"));

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken)
        {
            Reads++;
            return FailWith is { } failure ? throw failure : ValueTask.FromResult(_values.GetValueOrDefault(name));
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

using System.Text;
using McpPlatform.Governance.Secrets;
using McpPlatform.OpenApi.Runtime;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>
/// The credential comes from the secret store and reaches the API, in the place the settings name; a caller cannot set or
/// replace it, and an API that echoes it back gets it scrubbed before the caller (or the log) sees the text.
/// </summary>
public sealed class InvokerCredentialTests
{
    private const string Secret = "sk-live-9f8e7d6c5b4a3210";
    private static readonly Dictionary<string, string> Store = new() { ["inventory-key"] = Secret };

    [Fact]
    public async Task A_bearer_token_reaches_the_api_and_its_echo_is_scrubbed()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.Bearer), Store);

        var response = await harness.CallAsync("whoami");

        Assert.Equal(200, response.Status);
        Assert.Contains($"\"authorization\":\"Bearer {Secret}\"", Assert.Single(harness.Api.CredentialsSeen));
        Assert.Contains("Bearer [credential]", response.Text);
        Assert.DoesNotContain(Secret, response.Text);
    }

    [Fact]
    public async Task An_api_key_header_wins_over_a_caller_argument_of_the_same_name()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.ApiKey), Store);

        var response = await harness.CallAsync("whoami", """{"X-API-Key":"caller-chosen-key"}""");

        var seen = Assert.Single(harness.Api.CredentialsSeen);
        Assert.Contains($"\"apiKeyHeader\":\"{Secret}\"", seen);
        Assert.DoesNotContain("caller-chosen-key", seen);
        Assert.DoesNotContain(Secret, response.Text);
    }

    [Fact]
    public async Task An_api_key_in_the_query_replaces_a_caller_argument_of_the_same_name()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.ApiKey, o => { o.In = ApiKeyLocation.Query; o.Name = "api_key"; }), Store);

        var response = await harness.CallAsync("whoami", """{"api_key":"caller-chosen-key"}""");

        var seen = Assert.Single(harness.Api.CredentialsSeen);
        Assert.Contains($"\"apiKeyQuery\":\"{Secret}\"", seen);
        Assert.DoesNotContain("caller-chosen-key", seen);
        Assert.DoesNotContain(Secret, response.Text);
    }

    [Fact]
    public async Task Basic_sends_the_user_and_the_secret_as_password()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.Basic, o => o.Username = "svc"), Store);

        var response = await harness.CallAsync("whoami");

        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:" + Secret));
        Assert.Contains($"Basic {token}", Assert.Single(harness.Api.CredentialsSeen));
        Assert.DoesNotContain(token, response.Text);
    }

    [Fact]
    public async Task An_error_body_quoting_the_credential_is_scrubbed_and_the_log_never_holds_it()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.Bearer), Store);
        harness.Api.WhoamiStatus = 401;

        var response = await harness.CallAsync("whoami");
        var message = response.ErrorMessage(InvokerHarness.Namespace, harness.Operations.Named("whoami"), 1024);

        Assert.Equal(401, response.Status);
        Assert.Contains("HTTP 401 Unauthorized", message);
        Assert.Contains("Bearer [credential]", message);
        Assert.DoesNotContain(Secret, message);
        Assert.NotEmpty(harness.Logs);
        Assert.All(harness.Logs, line => Assert.DoesNotContain(Secret, line));
    }

    [Fact]
    public async Task A_missing_secret_fails_naming_the_secret_without_calling_the_api()
    {
        await using var harness = await InvokerHarness.StartAsync(Credential(OpenApiCredentialKind.Bearer), new Dictionary<string, string>());

        var failure = await Assert.ThrowsAsync<ToolSecretException>(() => harness.CallAsync("whoami"));

        Assert.Contains("'inventory-key'", failure.Message);
        Assert.Empty(harness.Api.CredentialsSeen);
    }

    private static Action<OpenApiApiOptions> Credential(OpenApiCredentialKind kind, Action<OpenApiCredentialOptions>? more = null) => options =>
    {
        options.Credential.Kind = kind;
        options.Credential.Secret = "inventory-key";
        more?.Invoke(options.Credential);
    };
}

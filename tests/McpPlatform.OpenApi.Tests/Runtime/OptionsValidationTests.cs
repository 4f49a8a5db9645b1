using McpPlatform.OpenApi.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>An API's settings are checked when they are first read (start-up, with ValidateOnStart), naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData(null, "McpPlatform:OpenApi:Apis:inv:BaseUrl is required")]
    [InlineData("", "McpPlatform:OpenApi:Apis:inv:BaseUrl is required")] // the template writes "BaseUrl": "" for the operator to fill
    [InlineData("http://api.example.com/", "McpPlatform:OpenApi:Apis:inv:BaseUrl must be https (http only to localhost or a loopback address)")]
    [InlineData("https://user:pw@api.example.com/", "must have no user info, query or fragment")]
    [InlineData("https://api.example.com/?key=1", "must have no user info, query or fragment")]
    public void A_base_url_that_is_missing_or_unsafe_fails_naming_the_setting(string? baseUrl, string expected)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Settings(new() { ["BaseUrl"] = baseUrl }));

        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/api/")]
    [InlineData("http://[::1]:8080/")]
    public void Https_or_loopback_http_is_accepted(string baseUrl) =>
        Assert.Equal(new Uri(baseUrl), Settings(new() { ["BaseUrl"] = baseUrl }).BaseUrl);

    [Fact]
    public void A_credential_needs_a_secret_name_and_basic_a_user()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Settings(new()
        {
            ["BaseUrl"] = "https://api.example.com/",
            ["Credential:Kind"] = "Basic",
        }));

        Assert.Contains("McpPlatform:OpenApi:Apis:inv:Credential:Secret must name the secret store entry", failure.Message);
        Assert.Contains("McpPlatform:OpenApi:Apis:inv:Credential:Username is required for Basic", failure.Message);
    }

    [Fact]
    public void Timeouts_must_nest()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Settings(new()
        {
            ["BaseUrl"] = "https://api.example.com/",
            ["Timeout"] = "00:00:05",
            ["AttemptTimeout"] = "00:00:10",
        }));

        Assert.Contains("AttemptTimeout must be positive and at most Timeout", failure.Message);
    }

    private static OpenApiApiOptions Settings(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => "McpPlatform:OpenApi:Apis:inv:" + v.Key, v => v.Value))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOpenApiClient("inv");
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<OpenApiApiOptions>>().Get("inv");
    }
}

using System.Text.Json;
using McpPlatform.OpenApi.Runtime;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>Redirects are followed by the invoker, only within the base URL and at most MaxRedirects times.</summary>
public sealed class InvokerRedirectTests
{
    [Fact]
    public async Task A_redirect_within_the_base_url_is_followed()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var response = await harness.CallAsync("redirect_same");

        Assert.Equal(200, response.Status);
        Assert.Equal("/api/items/moved", JsonDocument.Parse(response.Text).RootElement.GetProperty("rawTarget").GetString());
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_refused_naming_the_target()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("redirect_other_host"));

        Assert.Equal(OpenApiCallFailure.Redirect, refused.Failure);
        Assert.Contains($"to http://localhost:{harness.Api.Root.Port}/api/items/7, outside its base URL", refused.Message);
    }

    [Fact]
    public async Task A_redirect_out_of_the_base_path_is_refused_and_never_sent()
    {
        await using var harness = await InvokerHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("redirect_outside"));

        Assert.Equal(OpenApiCallFailure.Redirect, refused.Failure);
        Assert.Contains("/outside/secret", refused.Message);
        Assert.Equal(0, harness.Api.OutsideHits);
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_max_redirects()
    {
        await using var harness = await InvokerHarness.StartAsync(options => options.MaxRedirects = 2);

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("redirect_loop"));

        Assert.Equal(OpenApiCallFailure.Redirect, refused.Failure);
        Assert.Contains("more than 2 times (MaxRedirects)", refused.Message);
    }

    [Fact]
    public async Task Max_redirects_zero_refuses_even_a_same_origin_redirect()
    {
        await using var harness = await InvokerHarness.StartAsync(options => options.MaxRedirects = 0);

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("redirect_same"));

        Assert.Equal(OpenApiCallFailure.Redirect, refused.Failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api/items/1", true)]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api", true)]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/apix/1", false)]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5001/api/items/1", false)]
    [InlineData("http://127.0.0.1:5000/api/", "https://127.0.0.1:5000/api/items/1", false)]
    [InlineData("http://127.0.0.1:5000/api/", "http://localhost:5000/api/items/1", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/anything", true)]
    public void Within_means_same_scheme_host_port_and_a_path_under_the_base_path(string baseUrl, string target, bool within) =>
        Assert.Equal(within, OpenApiInvoker.IsWithin(new Uri(baseUrl), new Uri(target)));
}

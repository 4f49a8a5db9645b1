using McpPlatform.OpenApi.Runtime;

namespace McpPlatform.OpenApi.Tests.Runtime;

/// <summary>A slow API gets a timeout error (safe methods retried first); a huge answer is refused while it streams.</summary>
public sealed class InvokerLimitTests
{
    [Fact]
    public async Task A_slow_api_gives_a_timeout_error_after_retrying_a_get_and_keeps_serving()
    {
        await using var harness = await InvokerHarness.StartAsync(options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            options.Timeout = TimeSpan.FromSeconds(20);
            options.Retries = 1;
        });

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("slow"));

        Assert.Equal(OpenApiCallFailure.Timeout, refused.Failure);
        Assert.Contains("The API 'inv' did not answer GET /slow in time", refused.Message);
        Assert.Equal(2, harness.Api.SlowHits); // the first attempt and one retry: GET is safe to repeat
        var next = await harness.CallAsync("get_item", """{"itemId":"after-timeout"}""");
        Assert.Equal(200, next.Status);
    }

    [Fact]
    public async Task The_total_timeout_also_covers_the_retries()
    {
        await using var harness = await InvokerHarness.StartAsync(options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            options.Timeout = TimeSpan.FromMilliseconds(500);
            options.Retries = 5;
        });

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("slow"));

        Assert.Equal(OpenApiCallFailure.Timeout, refused.Failure);
        Assert.InRange(harness.Api.SlowHits, 1, 2); // never the 6 attempts Retries allows
    }

    [Fact]
    public async Task A_response_past_the_limit_is_refused_while_it_streams()
    {
        await using var harness = await InvokerHarness.StartAsync(options => options.MaxResponseBytes = 256 * 1024);

        var refused = await Assert.ThrowsAsync<OpenApiCallException>(() => harness.CallAsync("huge"));

        Assert.Equal(OpenApiCallFailure.TooLarge, refused.Failure);
        Assert.Contains("more than 262144 bytes (MaxResponseBytes)", refused.Message);

        // The body never ends (LoopbackApi), so this answer (TooLarge, not Timeout) came while it streamed, not after buffering it.
        Assert.Equal(200, (await harness.CallAsync("list_items")).Status);
    }
}

using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>A catastrophic pattern hits the match timeout and fails closed instead of stalling the call.</summary>
public sealed class DlpTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string Catastrophic = new string('a', 50_000) + "!";

    private static DlpEngine RedosEngine(string action) => Engine(new DlpOptions
    {
        DisableBuiltIns = true,
        MatchTimeout = TimeSpan.FromMilliseconds(50),
        Rules = [new DlpRule { Name = "redos", Pattern = "^(a+)+$", Action = action }],
    });

    [Theory]
    [InlineData("Redact")]
    [InlineData("Block")]
    public async Task Catastrophic_pattern_on_an_argument_times_out_and_blocks_the_call(string action)
    {
        var engine = RedosEngine(action);

        var result = await Task.Run(() => engine.InspectArguments(CreateTicket, Arguments($$$"""{"form":{"text":"{{{Catastrophic}}}"}}""")))
            .WaitAsync(Bound);

        Assert.True(result.IsBlocked);
        Assert.Equal("redos", result.Rule);
        Assert.Equal("form.text", result.Path);
        Assert.StartsWith("DLP rule 'redos' timed out scanning argument 'form.text'", result.Message);
        Assert.DoesNotContain("aaaa", result.Message);
    }

    [Fact]
    public async Task Catastrophic_pattern_on_a_result_times_out_and_withholds_the_whole_value()
    {
        var engine = RedosEngine("Redact");
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = Catastrophic }, new TextContentBlock { Text = "short" }],
        };

        var (redacted, fired) = await Task.Run(() => (engine.RedactResult(CreateTicket, result, out var f), f)).WaitAsync(Bound);

        Assert.Equal("[REDACTED:redos]", ((TextContentBlock)redacted.Content[0]).Text);
        Assert.Equal("short", ((TextContentBlock)redacted.Content[1]).Text);
        Assert.Equal(["redos"], fired);
    }

    [Fact]
    public async Task Built_in_detectors_stay_fast_on_large_adversarial_text()
    {
        var text = string.Concat(Enumerable.Repeat("a.", 20_000)) + string.Concat(Enumerable.Repeat("4111 ", 20_000))
            + new string('@', 20_000) + string.Concat(Enumerable.Repeat("-----BEGIN PRIVATE KEY", 2_000)) + "eyJ" + new string('A', 20_000);

        var redacted = await Task.Run(() => RedactText(text)).WaitAsync(Bound);

        // No rule timed out (which would have withheld the whole value): the text before the key block survives.
        Assert.StartsWith("a.a.a.", redacted);
        Assert.True(redacted.Length > 100_000);
    }
}

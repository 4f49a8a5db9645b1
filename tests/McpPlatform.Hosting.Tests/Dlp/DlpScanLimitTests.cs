using System.Text.Json;
using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>
/// Nothing leaves unscanned: by default a result with more to scan than McpPlatform:Dlp:MaxScannedChars is
/// withheld with an error that names the limit and the settings (it used to be returned as it was, flagged
/// only in _meta), and every value counts, empty ones too.
/// </summary>
public sealed class DlpScanLimitTests
{
    [Fact]
    public void A_result_over_the_scan_limit_is_withheld_with_an_error_naming_the_limit_and_the_settings()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 50 });
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "first jane@example.com" },
                new TextContentBlock { Text = "second 4111 1111 1111 1111 " + new string('x', 40) },
            ],
        };

        var withheld = engine.RedactResult(CreateTicket, result, out var fired);

        Assert.True(withheld.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(withheld.Content)).Text;
        Assert.Contains("withheld", text);
        Assert.Contains("50 characters", text);
        Assert.Contains("McpPlatform:Dlp:MaxScannedChars", text);
        Assert.Contains("McpPlatform:Dlp:OverLimit", text);
        Assert.DoesNotContain("4111", text);
        Assert.DoesNotContain("example.com", text);
        Assert.Null(withheld.StructuredContent);
        Assert.Contains(DlpEngine.ScanLimitRule, fired);
    }

    [Fact]
    public void Structured_content_over_the_scan_limit_is_withheld_too()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 100 });
        var result = new CallToolResult
        {
            Content = [],
            StructuredContent = JsonSerializer.SerializeToElement(new { rows = Enumerable.Range(0, 20).Select(i => $"row {i} 4111 1111 1111 1111").ToArray() }),
        };

        var withheld = engine.RedactResult(GetCustomer, result, out var fired);

        Assert.True(withheld.IsError);
        Assert.Null(withheld.StructuredContent);
        Assert.Equal([DlpEngine.ScanLimitRule], fired.Where(r => r == DlpEngine.ScanLimitRule));
    }

    [Fact]
    public void A_result_within_the_limit_is_not_marked_or_withheld()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 100 });
        var result = TextResult(new string('x', 90));

        Assert.Same(result, engine.RedactResult(CreateTicket, result, out var fired));
        Assert.Empty(fired);
    }

    [Fact]
    public void Empty_strings_count_against_the_limit_in_results()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 1_000 });
        var result = new CallToolResult { Content = [], StructuredContent = JsonSerializer.SerializeToElement(new { items = new string[5_000] .Select(_ => "").ToArray() }) };

        var withheld = engine.RedactResult(GetCustomer, result, out _);

        Assert.True(withheld.IsError);
        Assert.Contains("MaxScannedChars", ((TextContentBlock)withheld.Content[0]).Text);
    }

    [Fact]
    public void Empty_strings_and_empty_containers_count_against_the_limit_in_arguments()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 1_000 });
        var strings = Arguments(JsonSerializer.Serialize(new { items = Enumerable.Repeat("", 5_000) }));
        var containers = Arguments("""{"items":[""" + string.Join(",", Enumerable.Repeat("[]", 5_000)) + "]}");
        var literals = Arguments("""{"items":[""" + string.Join(",", Enumerable.Repeat("null", 5_000)) + "]}");

        Assert.All([strings, containers, literals], arguments =>
        {
            var result = engine.InspectArguments(CreateTicket, arguments);
            Assert.True(result.IsBlocked);
            Assert.Equal(DlpEngine.ScanLimitRule, result.Rule);
            Assert.Contains("McpPlatform:Dlp:MaxScannedChars", result.Message);
        });
    }

    [Fact]
    public void Arguments_over_the_scan_limit_are_blocked_as_too_large_to_scan()
    {
        var engine = Engine(new DlpOptions { MaxScannedChars = 100, OverLimit = "Truncate" });
        var arguments = Arguments($$"""{"a":"{{new string('x', 60)}}","b":["ok","{{new string('y', 60)}}"]}""");

        var result = engine.InspectArguments(CreateTicket, arguments);

        Assert.True(result.IsBlocked);
        Assert.Equal(DlpEngine.ScanLimitRule, result.Rule);
        Assert.Equal("b[1]", result.Path);
        Assert.Contains("too large to scan", result.Message);
        Assert.Contains("MaxScannedChars", result.Message);
        Assert.DoesNotContain("yyy", result.Message);
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("Block,Truncate")]
    [InlineData("1")]
    public void An_unknown_over_limit_setting_fails_validation_naming_it(string value)
    {
        var failures = DlpValidator.Validate(new DlpOptions { OverLimit = value });

        var failure = Assert.Single(failures);
        Assert.Contains("McpPlatform:Dlp:OverLimit", failure);
        Assert.Contains("Block or Truncate", failure);
    }
}

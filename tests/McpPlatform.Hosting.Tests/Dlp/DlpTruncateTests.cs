using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>McpPlatform:Dlp:OverLimit = Truncate: a result is cut where the limit is reached; what is returned was scanned.</summary>
public sealed class DlpTruncateTests
{
    private static readonly DlpEngine Truncating = Engine(new DlpOptions { MaxScannedChars = 50, OverLimit = "Truncate" });

    [Fact]
    public void Text_is_redacted_up_to_the_limit_then_cut_and_later_blocks_left_out()
    {
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "first jane@example.com" },
                new TextContentBlock { Text = "second bob@example.com " + new string('x', 40) },
                new TextContentBlock { Text = "third 4111 1111 1111 1111" },
            ],
        };

        var cut = Truncating.RedactResult(CreateTicket, result, out var fired);

        Assert.NotEqual(true, cut.IsError);
        Assert.Equal(2, cut.Content.Count);
        Assert.Equal("first [REDACTED:email]", ((TextContentBlock)cut.Content[0]).Text);
        Assert.Equal("second [REDACTED:email] xxx[TRUNCATED:scan-limit]", ((TextContentBlock)cut.Content[1]).Text);
        Assert.Equal(["email", DlpEngine.ScanLimitRule], fired);
        Assert.Equal(true, (bool?)cut.Meta?[DlpEngine.ScanIncompleteMetaKey]);
    }

    [Fact]
    public void A_match_across_the_cut_is_left_out_whole_not_half_shown()
    {
        var text = new string('x', 30) + " 4111 1111 1111 1111 tail";

        var cut = Truncating.RedactResult(CreateTicket, TextResult(text), out _);

        Assert.Equal(new string('x', 30) + " [TRUNCATED:scan-limit]", ((TextContentBlock)cut.Content[0]).Text);
    }

    [Fact]
    public void Structured_content_is_cut_between_values_and_stays_valid_json()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new { id = i, owner = $"user{i}@example.com" }).ToArray();
        var result = new CallToolResult { Content = [], StructuredContent = JsonSerializer.SerializeToElement(new { rows, total = 10 }) };

        var cut = Truncating.RedactResult(GetCustomer, result, out _);

        var json = cut.StructuredContent!.Value;
        var kept = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.InRange(kept.Count, 1, 9);
        Assert.False(json.TryGetProperty("total", out _));
        Assert.Equal("[REDACTED:email]", kept[0].GetProperty("owner").GetString());
        Assert.DoesNotContain("example.com", json.GetRawText());
    }

    [Fact]
    public void Meta_past_the_cut_is_left_out_because_it_was_not_scanned()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = new string('x', 80) }],
            Meta = new JsonObject { ["owner"] = "jane@example.com" },
        };

        var cut = Truncating.RedactResult(CreateTicket, result, out _);

        Assert.Null(cut.Meta?["owner"]);
        Assert.Equal(true, (bool?)cut.Meta?[DlpEngine.ScanIncompleteMetaKey]);
    }
}

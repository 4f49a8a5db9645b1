using System.Text.Encodings.Web;
using System.Text.Json;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>
/// Result text that is JSON is redacted value by value and stays JSON: a match right after an escape
/// (<c>\n</c>, <c>\u002B</c>) used to be cut out together with the escape's letters, leaving <c>\[</c>.
/// </summary>
public sealed class DlpJsonTextTests
{
    [Theory]
    [InlineData("john+tag@example.com")] // default escaping writes + as \u002B
    [InlineData("<jane@example.com>")] // and < as \u003C
    [InlineData("Contact:\njane@example.com")] // every escaper writes a newline as \n
    public void Json_text_with_an_escape_next_to_a_match_stays_valid_json_without_the_value(string value)
    {
        var json = JsonSerializer.Serialize(new { contact = value });
        var result = new CallToolResult { Content = [new TextContentBlock { Text = json }] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        using var document = JsonDocument.Parse(((TextContentBlock)redacted.Content[0]).Text);
        var contact = document.RootElement.GetProperty("contact").GetString()!;
        Assert.DoesNotContain("@example.com", contact);
        Assert.Contains("[REDACTED:email]", contact);
        Assert.Equal(["email"], fired);
    }

    [Fact]
    public void A_generated_tools_text_and_structured_content_are_redacted_alike_from_one_scan()
    {
        var result = ToolResults.Json(
            writer => JsonSerializer.Serialize(writer, new { owner = "Support\njane@example.com", card = "4111 1111 1111 1111", id = 7 }),
            structured: true);

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        var text = ((TextContentBlock)redacted.Content[0]).Text;
        Assert.Equal(redacted.StructuredContent!.Value.GetRawText(), text);
        using var document = JsonDocument.Parse(text);
        Assert.Equal("Support\n[REDACTED:email]", document.RootElement.GetProperty("owner").GetString());
        Assert.Equal("[REDACTED:credit-card]", document.RootElement.GetProperty("card").GetString());
        Assert.Equal(7, document.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(["email", "credit-card"], fired);
    }

    [Fact]
    public void Property_names_of_a_result_are_redacted_too()
    {
        var byEmail = new Dictionary<string, int> { ["jane@example.com"] = 3, ["total"] = 3 };
        var result = ToolResults.Json(writer => JsonSerializer.Serialize(writer, byEmail), structured: true);

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out _);

        Assert.Equal("""{"[REDACTED:email]":3,"total":3}""", ((TextContentBlock)redacted.Content[0]).Text);
        Assert.Equal("""{"[REDACTED:email]":3,"total":3}""", redacted.StructuredContent!.Value.GetRawText());
    }

    [Theory]
    [InlineData("{ not json: jane@example.com")]
    [InlineData("[jane@example.com]")]
    public void Text_that_only_starts_like_json_is_scanned_as_text(string text)
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = text }] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out _);

        Assert.Equal(text.Replace("jane@example.com", "[REDACTED:email]", StringComparison.Ordinal), ((TextContentBlock)redacted.Content[0]).Text);
    }

    [Fact]
    public void Json_text_with_nothing_to_redact_is_left_as_it_was_written()
    {
        var json = JsonSerializer.Serialize(new { note = "café <b>ok</b>" }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        var result = new CallToolResult { Content = [new TextContentBlock { Text = json }] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        Assert.Same(result, redacted);
        Assert.Empty(fired);
    }
}

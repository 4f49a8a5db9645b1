using System.Text.Json.Nodes;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>Every part of a result that carries text is scanned, not only text blocks and structured content.</summary>
public sealed class DlpContentTests
{
    [Fact]
    public void The_results_meta_is_redacted()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = "ok" }],
            Meta = new JsonObject { ["owner"] = "jane@example.com", ["jane@example.com"] = 1, ["trace"] = "t-1" },
        };

        var redacted = DefaultEngine.RedactResult(CreateTicket, result, out var fired);

        Assert.Equal("""{"owner":"[REDACTED:email]","[REDACTED:email]":1,"trace":"t-1"}""", redacted.Meta!.ToJsonString());
        Assert.Equal(["email"], fired);
        Assert.Equal("jane@example.com", (string?)result.Meta["owner"]);
    }

    [Fact]
    public void A_resource_links_name_description_and_uri_are_redacted()
    {
        var link = new ResourceLinkBlock
        {
            Uri = "mailto:jane@example.com",
            Name = "customer",
            Title = "Card 4111 1111 1111 1111",
            Description = "Owner bob@example.com",
        };
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "see link" }, link] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        var scanned = Assert.IsType<ResourceLinkBlock>(redacted.Content[1]);
        Assert.Equal("mailto:[REDACTED:email]", scanned.Uri);
        Assert.Equal("customer", scanned.Name);
        Assert.Equal("Card [REDACTED:credit-card]", scanned.Title);
        Assert.Equal("Owner [REDACTED:email]", scanned.Description);
        Assert.Equal(["email", "credit-card"], fired);
    }

    [Fact]
    public void The_meta_of_content_blocks_is_redacted()
    {
        var image = new ImageContentBlock { Data = "aGVsbG8="u8.ToArray(), MimeType = "image/png", Meta = new JsonObject { ["by"] = "jane@example.com" } };
        var text = new TextContentBlock { Text = "ok", Meta = new JsonObject { ["card"] = "4111 1111 1111 1111" } };
        var result = new CallToolResult { Content = [text, image] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out _);

        Assert.Equal("ok", ((TextContentBlock)redacted.Content[0]).Text);
        Assert.Equal("""{"card":"[REDACTED:credit-card]"}""", redacted.Content[0].Meta!.ToJsonString());
        var scannedImage = Assert.IsType<ImageContentBlock>(redacted.Content[1]);
        Assert.Equal("""{"by":"[REDACTED:email]"}""", scannedImage.Meta!.ToJsonString());
        Assert.Equal(image.Data.ToArray(), scannedImage.Data.ToArray());
    }

    [Fact]
    public void Images_and_blobs_are_left_as_they_are()
    {
        var image = new ImageContentBlock { Data = "amFuZUBleGFtcGxlLmNvbQ=="u8.ToArray(), MimeType = "image/png" };
        var result = new CallToolResult { Content = [image] };

        Assert.Same(result, DefaultEngine.RedactResult(GetCustomer, result, out _));
    }
}

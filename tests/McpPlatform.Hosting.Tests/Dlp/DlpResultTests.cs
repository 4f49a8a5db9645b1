using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

public sealed class DlpResultTests
{
    [Fact]
    public void Result_with_nothing_to_redact_is_returned_as_the_same_instance()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = """{"id":42,"status":"open"}""" }],
            StructuredContent = JsonSerializer.SerializeToElement(new { id = 42, status = "open", tags = new[] { "a", "b" } }),
        };

        var redacted = DefaultEngine.RedactResult(CreateTicket, result, out var fired);

        Assert.Same(result, redacted);
        Assert.Empty(fired);
    }

    [Fact]
    public void Text_structured_content_and_embedded_text_resources_are_redacted()
    {
        var image = new ImageContentBlock { Data = "aGVsbG8="u8.ToArray(), MimeType = "image/png" };
        var blob = new EmbeddedResourceBlock { Resource = new BlobResourceContents { Uri = "file:///a.bin", Blob = "AAAA"u8.ToArray() } };
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "Customer jane@example.com, SSN 123-45-6789" },
                image,
                new EmbeddedResourceBlock
                {
                    Resource = new TextResourceContents { Uri = "file:///customer.txt", MimeType = "text/plain", Text = "IBAN GB82 WEST 1234 5698 7654 32" },
                },
                blob,
            ],
            StructuredContent = JsonSerializer.SerializeToElement(new
            {
                customer = new { email = "jane@example.com", cards = new[] { "4111 1111 1111 1111", "none" }, visits = 3 },
                note = "ok",
            }),
            IsError = false,
            Meta = new JsonObject { ["trace"] = "t-1" },
        };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        Assert.NotSame(result, redacted);
        Assert.Equal("Customer [REDACTED:email], SSN [REDACTED:us-ssn]", ((TextContentBlock)redacted.Content[0]).Text);
        Assert.Same(image, redacted.Content[1]);
        var resource = (TextResourceContents)((EmbeddedResourceBlock)redacted.Content[2]).Resource;
        Assert.Equal("IBAN [REDACTED:iban]", resource.Text);
        Assert.Equal("file:///customer.txt", resource.Uri);
        Assert.Equal("text/plain", resource.MimeType);
        Assert.Same(blob, redacted.Content[3]);
        Assert.Equal(
            """{"customer":{"email":"[REDACTED:email]","cards":["[REDACTED:credit-card]","none"],"visits":3},"note":"ok"}""",
            JsonSerializer.Serialize(redacted.StructuredContent));
        Assert.False(redacted.IsError);
        Assert.Equal("t-1", (string?)redacted.Meta?["trace"]);
        Assert.Equal(["us-ssn", "email", "iban", "credit-card"], fired);

        // The original result is untouched.
        Assert.Equal("Customer jane@example.com, SSN 123-45-6789", ((TextContentBlock)result.Content[0]).Text);
        Assert.Contains("jane@example.com", JsonSerializer.Serialize(result.StructuredContent));
    }

    [Fact]
    public void Secrets_are_redacted_in_results_rather_than_blocked()
    {
        var redacted = RedactText($"{PemBlock}\n{Jwt}\n{AwsKeyId}", out var fired);

        Assert.Equal("[REDACTED:private-key]\n[REDACTED:jwt]\n[REDACTED:api-key]", redacted);
        Assert.Equal(["private-key", "jwt", "api-key"], fired);
    }

    [Fact]
    public void Result_action_allow_leaves_results_alone_for_that_rule()
    {
        var engine = Engine(Options(new DlpRule { Name = "email", Detector = "email", ResultAction = "Allow" }));

        Assert.Equal("jane@example.com", RedactText("jane@example.com", engine));
        Assert.Equal("""{"to":"[REDACTED:email]"}""", Json(engine.InspectArguments(CreateTicket, Argument("to", "jane@example.com")).Arguments));
    }

    [Fact]
    public void Result_rules_are_scoped_to_tools()
    {
        var engine = Engine(Options(new DlpRule { Name = "order", Pattern = "ORD-[0-9]{5}", Tools = ["get_customer"] }));

        Assert.Equal("ORD-12345", RedactText("ORD-12345", engine));
        var customer = engine.RedactResult(GetCustomer, TextResult("ORD-12345"), out var fired);
        Assert.Equal("[REDACTED:order]", ((TextContentBlock)customer.Content[0]).Text);
        Assert.Equal(["order"], fired);
    }

    [Fact]
    public void Disabled_dlp_returns_results_unchanged()
    {
        var engine = Engine(new DlpOptions { Enabled = false });
        var result = TextResult("jane@example.com " + PemBlock);

        Assert.Same(result, engine.RedactResult(CreateTicket, result, out var fired));
        Assert.Empty(fired);
    }
}

using ModelContextProtocol.Protocol;

namespace McpPlatform.Conformance.Fixture;

/// <summary>
/// Tools that return each kind of MCP content (scenarios tools-call-simple-text, -image,
/// -audio, -embedded-resource, -mixed-content) and one that fails (tools-call-error).
/// </summary>
[McpToolSet("Content", Description = "Every kind of tool result content.")]
public static class ContentTools
{
    /// <summary>Returns one text block.</summary>
    [McpTool("test_simple_text", Access = ToolAccess.Read, Idempotent = true)]
    public static string SimpleText() => "This is a simple text response for testing.";

    /// <summary>Returns one PNG image block.</summary>
    [McpTool("test_image_content", Access = ToolAccess.Read, Idempotent = true)]
    public static ImageContentBlock ImageContent() =>
        ImageContentBlock.FromBytes(Convert.FromBase64String(SampleMedia.PngBase64), "image/png");

    /// <summary>Returns one WAV audio block.</summary>
    [McpTool("test_audio_content", Access = ToolAccess.Read, Idempotent = true)]
    public static AudioContentBlock AudioContent() =>
        AudioContentBlock.FromBytes(Convert.FromBase64String(SampleMedia.WavBase64), "audio/wav");

    /// <summary>Returns one embedded text resource.</summary>
    [McpTool("test_embedded_resource", Access = ToolAccess.Read, Idempotent = true)]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents
        {
            Uri = "test://embedded-resource",
            MimeType = "text/plain",
            Text = "This is an embedded resource content.",
        },
    };

    /// <summary>Returns text, an image and an embedded resource in one result.</summary>
    [McpTool("test_multiple_content_types", Access = ToolAccess.Read, Idempotent = true)]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContent(),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents
            {
                Uri = "test://mixed-content-resource",
                MimeType = "application/json",
                Text = """{"test":"data","value":123}""",
            },
        },
    ];

    /// <summary>
    /// Always fails; the platform turns the exception into a tool error (isError) with the message the
    /// suite expects, which the caller sees because it is an McpException (other exceptions become a
    /// generic message with a correlation id).
    /// </summary>
    [McpTool("test_error_handling", Access = ToolAccess.Read)]
    public static string ErrorHandling() =>
        throw new ModelContextProtocol.McpException("This tool intentionally returns an error for testing");
}

using ModelContextProtocol.Protocol;

namespace McpPlatform.Conformance.Fixture;

/// <summary>The prompts the suite's prompts-* and completion-complete scenarios get and complete.</summary>
public static class FixturePrompts
{
    /// <summary>A prompt without arguments.</summary>
    [McpPrompt("test_simple_prompt")]
    public static string Simple() => "This is a simple prompt for testing.";

    /// <summary>A prompt whose text carries both arguments.</summary>
    /// <param name="arg1">First test argument.</param>
    /// <param name="arg2">Second test argument.</param>
    [McpPrompt("test_prompt_with_arguments")]
    public static string WithArguments(string arg1, string arg2) => $"Prompt with arguments: arg1='{arg1}', arg2='{arg2}'";

    /// <summary>A prompt that embeds the resource it is given.</summary>
    /// <param name="resourceUri">URI of the resource to embed.</param>
    [McpPrompt("test_prompt_with_embedded_resource")]
    public static PromptMessage[] WithEmbeddedResource(string resourceUri) =>
    [
        new()
        {
            Role = Role.User,
            Content = new EmbeddedResourceBlock
            {
                Resource = new TextResourceContents { Uri = resourceUri, MimeType = "text/plain", Text = "Embedded resource content for testing." },
            },
        },
        new() { Role = Role.User, Content = new TextContentBlock { Text = "Please process the embedded resource above." } },
    ];

    /// <summary>A prompt with an image.</summary>
    [McpPrompt("test_prompt_with_image")]
    public static PromptMessage[] WithImage() =>
    [
        new() { Role = Role.User, Content = ImageContentBlock.FromBytes(Convert.FromBase64String(SampleMedia.PngBase64), "image/png") },
        new() { Role = Role.User, Content = new TextContentBlock { Text = "Please analyze the image above." } },
    ];

    /// <summary>Completes arg1 of test_prompt_with_arguments.</summary>
    [McpCompletion("arg1", Prompt = "test_prompt_with_arguments")]
    public static IEnumerable<string> CompleteArg1(string value) =>
        new[] { "test", "testing", "tested", "value" }.Where(v => v.StartsWith(value, StringComparison.Ordinal));
}

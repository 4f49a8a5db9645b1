using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests.Samples;

/// <summary>A handbook server: fixed and templated resources, text and binary, prompts with messages, completions.</summary>
internal static class ResourceSample
{
    public static readonly string Source = ToolSource.Of("""
        using ModelContextProtocol.Protocol;

        public static class Handbook
        {
            /// <summary>The handbook's table of contents.</summary>
            [McpResource("docs://handbook", Title = "Handbook", MimeType = "text/markdown")]
            public static string Contents() => "# Handbook";

            /// <summary>The company logo.</summary>
            [McpResource("docs://logo", Name = "logo", MimeType = "image/png")]
            public static byte[] Logo() => new byte[] { 1, 2, 3 };

            /// <summary>One chapter of the handbook.</summary>
            [McpResource("docs://handbook/{chapter}/{section}")]
            public static Task<string> Chapter(string chapter, string section, [FromServices] IFormatProvider format, CancellationToken cancellationToken) =>
                Task.FromResult(string.Format(format, "chapter {0}/{1}", chapter, section));

            /// <summary>Chapters whose id starts with the value.</summary>
            [McpCompletion("chapter", ResourceTemplate = "docs://handbook/{chapter}/{section}")]
            public static IEnumerable<string> Chapters(string value) => new[] { "intro", "travel", "tools" };
        }

        public sealed class Reviews
        {
            /// <summary>Asks for a review of a change.</summary>
            /// <param name="change">The change to review.</param>
            /// <param name="tone">How strict to be.</param>
            [McpPrompt("review_change", Title = "Review a change")]
            public string Review(string change, string tone = "friendly") => $"Review {change}, {tone}.";

            /// <summary>Shows a picture and the handbook.</summary>
            [McpPrompt]
            public static ValueTask<PromptMessage[]> ShowPicture(string? caption) => new(new[]
            {
                new PromptMessage { Role = Role.User, Content = ImageContentBlock.FromBytes(new byte[] { 1 }, "image/png") },
                new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = caption ?? "none" } },
            });

            /// <summary>Tones.</summary>
            [McpCompletion("tone", Prompt = "review_change")]
            public static async Task<string[]> Tones(string value, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return new[] { "friendly", "strict" };
            }
        }
        """);
}

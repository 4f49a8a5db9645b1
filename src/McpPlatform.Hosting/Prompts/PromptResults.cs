using McpPlatform.Governance.Prompts;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Prompts;

/// <summary>Turns what a prompt method returns into a prompts/get result; generated code picks the overload.</summary>
public static class PromptResults
{
    /// <summary>One user message with the text.</summary>
    public static GetPromptResult From(PromptInvocation prompt, string? text) =>
        From(prompt, new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text ?? "" } });

    /// <summary>One message as returned.</summary>
    public static GetPromptResult From(PromptInvocation prompt, PromptMessage? message) =>
        With(prompt, message is null ? [] : [message]);

    /// <summary>The messages as returned.</summary>
    public static GetPromptResult From(PromptInvocation prompt, IEnumerable<PromptMessage>? messages) =>
        With(prompt, [.. messages ?? []]);

    /// <summary>The result as returned, with the prompt's description when it has none.</summary>
    public static GetPromptResult From(PromptInvocation prompt, GetPromptResult? result)
    {
        if (result is null)
        {
            return With(prompt, []);
        }

        result.Description ??= prompt.Prompt.Description;
        return result;
    }

    private static GetPromptResult With(PromptInvocation prompt, List<PromptMessage> messages) =>
        new() { Description = prompt.Prompt.Description, Messages = messages };
}

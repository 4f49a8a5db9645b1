using McpPlatform.Governance.Resources;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Resources;

/// <summary>
/// Carries resource contents and prompt messages through the tool pipeline's data-loss rules,
/// which work on tool results: each item travels as one content block (resource contents as an
/// embedded resource, a completion value as text) and comes back in the same position, redacted
/// where a rule matched.
/// </summary>
internal static class GovernedContents
{
    public static CallToolResult AsToolResult(ReadResourceResult read) =>
        new() { Content = [.. read.Contents.Select(c => (ContentBlock)new EmbeddedResourceBlock { Resource = c })] };

    public static ReadResourceResult Redacted(ReadResourceResult read, CallToolResult governed)
    {
        if (governed.Content.Count != read.Contents.Count)
        {
            throw new InvalidOperationException("The data-loss rules changed the number of resource contents.");
        }

        var contents = new List<ResourceContents>(read.Contents.Count);
        for (var i = 0; i < read.Contents.Count; i++)
        {
            contents.Add(governed.Content[i] is EmbeddedResourceBlock block ? block.Resource : read.Contents[i]);
        }

        return new ReadResourceResult { Contents = contents, Meta = read.Meta };
    }

    public static CallToolResult AsToolResult(GetPromptResult prompt) =>
        new() { Content = [.. prompt.Messages.Select(m => m.Content)] };

    public static GetPromptResult Redacted(GetPromptResult prompt, CallToolResult governed)
    {
        if (governed.Content.Count != prompt.Messages.Count)
        {
            throw new InvalidOperationException("The data-loss rules changed the number of prompt messages.");
        }

        var messages = new List<PromptMessage>(prompt.Messages.Count);
        for (var i = 0; i < prompt.Messages.Count; i++)
        {
            messages.Add(new PromptMessage { Role = prompt.Messages[i].Role, Content = governed.Content[i] });
        }

        return new GetPromptResult { Description = prompt.Description, Messages = messages, Meta = prompt.Meta };
    }

    /// <summary>Completion values as text blocks, one per value, so the result rules scan each like a resource read's text.</summary>
    public static CallToolResult AsToolResult(IReadOnlyList<string> completionValues) =>
        new() { Content = [.. completionValues.Select(v => (ContentBlock)new TextContentBlock { Text = v })] };

    /// <summary>The completion values after the result rules, in the same order; null when the rules refused them.</summary>
    public static List<string>? RedactedCompletionValues(IReadOnlyList<string> values, CallToolResult governed)
    {
        if (governed.IsError == true || governed.Content.Count != values.Count)
        {
            return null;
        }

        var redacted = new List<string>(values.Count);
        foreach (var block in governed.Content)
        {
            if (block is not TextContentBlock text)
            {
                return null;
            }

            redacted.Add(text.Text);
        }

        return redacted;
    }

    /// <summary>The text of a result the data rules on the result withheld (a tool error naming the scan limit).</summary>
    public static string RefusalText(CallToolResult refused) =>
        string.Join(" ", refused.Content.OfType<TextContentBlock>().Select(t => t.Text));
}

using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace McpPlatform.Conformance.Fixture;

/// <summary>
/// Tools that talk back to the client while they run: log notifications, progress, sampling
/// and elicitation (scenarios tools-call-with-logging, -with-progress, -sampling,
/// -elicitation, elicitation-sep1034-defaults and elicitation-sep1330-enums).
/// </summary>
[McpToolSet("ClientInteraction", Description = "Server-to-client notifications and requests during a tool call.")]
public static class ClientInteractionTools
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends three info log notifications, about 50 ms apart, at the client's log level.</summary>
    [McpTool("test_tool_with_logging", Access = ToolAccess.Read)]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        var logger = server.AsClientLoggerProvider().CreateLogger("conformance");
        logger.LogInformation("Tool execution started");
        await Task.Delay(Step, cancellationToken);
        logger.LogInformation("Tool processing data");
        await Task.Delay(Step, cancellationToken);
        logger.LogInformation("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    /// <summary>Reports progress 0, 50 and 100 of 100, about 50 ms apart, when the caller sent a progress token.</summary>
    [McpTool("test_tool_with_progress", Access = ToolAccess.Read)]
    public static async Task<string> ToolWithProgress(IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
    {
        progress.Report(new ProgressNotificationValue { Progress = 0, Total = 100 });
        await Task.Delay(Step, cancellationToken);
        progress.Report(new ProgressNotificationValue { Progress = 50, Total = 100 });
        await Task.Delay(Step, cancellationToken);
        progress.Report(new ProgressNotificationValue { Progress = 100, Total = 100 });
        return "Tool with progress executed successfully";
    }

    /// <summary>Asks the client's model to answer a prompt (sampling/createMessage) and returns its answer.</summary>
    /// <param name="prompt">The prompt to send to the model.</param>
    [McpTool("test_sampling", Access = ToolAccess.Read, OpenWorld = true)]
    public static async Task<string> Sampling(McpServer server, string prompt, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return "LLM response: " + text;
    }

    /// <summary>Asks the user for a user name and an email address (elicitation/create) and returns the answer.</summary>
    /// <param name="message">The message to show the user.</param>
    [McpTool("test_elicitation", Access = ToolAccess.Read)]
    public static async Task<string> Elicitation(McpServer server, string message, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = message,
                RequestedSchema = new RequestSchema
                {
                    Properties =
                    {
                        ["username"] = new StringSchema { Description = "User's response" },
                        ["email"] = new StringSchema { Description = "User's email address" },
                    },
                    Required = ["username", "email"],
                },
            },
            cancellationToken);
        return "User response: " + Describe(result);
    }

    /// <summary>Asks the user for one value of each primitive type, each with a default (SEP-1034).</summary>
    [McpTool("test_elicitation_sep1034_defaults", Access = ToolAccess.Read)]
    public static async Task<string> ElicitationWithDefaults(McpServer server, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = "Please review and update the form fields with defaults",
                RequestedSchema = new RequestSchema
                {
                    Properties =
                    {
                        ["name"] = new StringSchema { Description = "User name", Default = "John Doe" },
                        ["age"] = new NumberSchema { Type = "integer", Description = "User age", Default = 30 },
                        ["score"] = new NumberSchema { Description = "User score", Default = 95.5 },
                        ["status"] = new UntitledSingleSelectEnumSchema
                        {
                            Description = "User status",
                            Enum = ["active", "inactive", "pending"],
                            Default = "active",
                        },
                        ["verified"] = new BooleanSchema { Description = "Verification status", Default = true },
                    },
                },
            },
            cancellationToken);
        return "Elicitation completed: " + Describe(result);
    }

    /// <summary>Asks the user to choose from the five enum shapes: untitled, titled and legacy single-select, untitled and titled multi-select (SEP-1330).</summary>
    [McpTool("test_elicitation_sep1330_enums", Access = ToolAccess.Read)]
    public static async Task<string> ElicitationWithEnums(McpServer server, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = "Please choose from the enum fields",
                RequestedSchema = new RequestSchema
                {
                    Properties =
                    {
                        ["untitledSingle"] = new UntitledSingleSelectEnumSchema
                        {
                            Description = "Untitled single-select",
                            Enum = ["option1", "option2", "option3"],
                        },
                        ["titledSingle"] = new TitledSingleSelectEnumSchema
                        {
                            Description = "Titled single-select",
                            OneOf =
                            [
                                new EnumSchemaOption { Const = "value1", Title = "First Option" },
                                new EnumSchemaOption { Const = "value2", Title = "Second Option" },
                                new EnumSchemaOption { Const = "value3", Title = "Third Option" },
                            ],
                        },
                        // Deprecated (enumNames), but one of the five shapes the scenario checks.
                        ["legacyEnum"] = new LegacyTitledEnumSchema
                        {
                            Description = "Legacy titled enum",
                            Enum = ["opt1", "opt2", "opt3"],
                            EnumNames = ["Option One", "Option Two", "Option Three"],
                        },
                        ["untitledMulti"] = new UntitledMultiSelectEnumSchema
                        {
                            Description = "Untitled multi-select",
                            Items = new UntitledEnumItemsSchema { Type = "string", Enum = ["option1", "option2", "option3"] },
                        },
                        ["titledMulti"] = new TitledMultiSelectEnumSchema
                        {
                            Description = "Titled multi-select",
                            Items = new TitledEnumItemsSchema
                            {
                                AnyOf =
                                [
                                    new EnumSchemaOption { Const = "value1", Title = "First Choice" },
                                    new EnumSchemaOption { Const = "value2", Title = "Second Choice" },
                                    new EnumSchemaOption { Const = "value3", Title = "Third Choice" },
                                ],
                            },
                        },
                    },
                },
            },
            cancellationToken);
        return "Elicitation completed: " + Describe(result);
    }

    private static string Describe(ElicitResult result) =>
        $"action={result.Action}, content={JsonSerializer.Serialize(result.Content, McpJsonUtilities.DefaultOptions)}";
}

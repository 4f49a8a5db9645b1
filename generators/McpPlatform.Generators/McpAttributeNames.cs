namespace McpPlatform.Generators
{
    /// <summary>Metadata names the generator looks for, in one place.</summary>
    internal static class McpAttributeNames
    {
        public const string McpTool = "McpPlatform.McpToolAttribute";
        public const string McpResource = "McpPlatform.McpResourceAttribute";
        public const string McpPrompt = "McpPlatform.McpPromptAttribute";
        public const string McpCompletion = "McpPlatform.McpCompletionAttribute";
        public const string McpToolSet = "McpPlatform.McpToolSetAttribute";
        public const string FromServices = "McpPlatform.FromServicesAttribute";
        public const string Description = "System.ComponentModel.DescriptionAttribute";

        public const string GeneratedMcpTool = "McpPlatform.Hosting.Tools.GeneratedMcpTool";
        public const string McpServer = "ModelContextProtocol.Server.McpServer";
        public const string RequestContext = "ModelContextProtocol.Server.RequestContext`1";
        public const string CallToolRequestParams = "ModelContextProtocol.Protocol.CallToolRequestParams";
        // ProgressNotificationValue lives in the root namespace in SDK 2.x (not .Protocol).
        public const string ProgressNotificationValue = "ModelContextProtocol.ProgressNotificationValue";
        public const string ToolInvocation = "McpPlatform.Hosting.Tools.ToolInvocation";
        public const string CallerIdentity = "McpPlatform.CallerIdentity";
        public const string Secret = "McpPlatform.SecretAttribute";
        public const string ContentBlock = "ModelContextProtocol.Protocol.ContentBlock";
        public const string ResourceContents = "ModelContextProtocol.Protocol.ResourceContents";
        public const string ReadResourceResult = "ModelContextProtocol.Protocol.ReadResourceResult";
        public const string PromptMessage = "ModelContextProtocol.Protocol.PromptMessage";
        public const string GetPromptResult = "ModelContextProtocol.Protocol.GetPromptResult";
        public const string CallToolResult = "ModelContextProtocol.Protocol.CallToolResult";

        // System.Text.Json attributes on the properties of argument and result types.
        public const string JsonPropertyName = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
        public const string JsonIgnore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
        public const string JsonRequired = "System.Text.Json.Serialization.JsonRequiredAttribute";
        public const string JsonExtensionData = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
        public const string JsonConverter = "System.Text.Json.Serialization.JsonConverterAttribute";
        public const string JsonInclude = "System.Text.Json.Serialization.JsonIncludeAttribute";
        public const string JsonStringEnumMemberName = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
        public const string JsonStringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    }
}

namespace McpPlatform.Generators.Emitting
{
    /// <summary>Fully qualified names the generated code refers to.</summary>
    internal static class Names
    {
        public const string Reader = "global::McpPlatform.Hosting.Tools.JsonArgumentReader";
        public const string Results = "global::McpPlatform.Hosting.Tools.ToolResults";
        public const string Invocation = "global::McpPlatform.Hosting.Tools.ToolInvocation";
        public const string GeneratedTool = "global::McpPlatform.Hosting.Tools.GeneratedMcpTool";
        public const string Descriptor = "global::McpPlatform.Governance.Tools.McpToolDescriptor";
        public const string Catalog = "global::McpPlatform.Hosting.Tools.McpToolCatalog";
        public const string CallToolResult = "global::ModelContextProtocol.Protocol.CallToolResult";
        public const string JsonElement = "global::System.Text.Json.JsonElement";
        public const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
        public const string ServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

        /// <summary>A C# verbatim string literal.</summary>
        public static string Verbatim(string? text) => text is null ? "null" : "@\"" + text.Replace("\"", "\"\"") + "\"";
    }
}

using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators
{
    /// <summary>Every diagnostic the generator reports: ids, severities and messages in one place.</summary>
    internal static class Diagnostics
    {
        private const string Category = "McpPlatform";

        public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
            "MCPP001", "Unsupported tool parameter type",
            "Parameter '{0}' of tool method '{1}' has type '{2}', which cannot be described as JSON Schema; use string, a number, bool, an enum, Guid, DateTimeOffset, an array or list, or a record/class with properties; mark services with [FromServices]");

        public static readonly DiagnosticDescriptor DuplicateToolName = Error(
            "MCPP002", "Duplicate tool name",
            "Tool name '{0}' is used by more than one method ({1}); give one of them another name with [McpTool(\"name\")]");

        public static readonly DiagnosticDescriptor InvalidToolName = Error(
            "MCPP003", "Invalid tool name",
            "Tool name '{0}' of method '{1}' is not a valid MCP tool name: use 1 to 128 characters from A-Z, a-z, 0-9, '_', '-' and '.'");

        public static readonly DiagnosticDescriptor MissingDescription = Warning(
            "MCPP004", "Tool has no description",
            "Tool '{0}' has no description; models choose tools by their description: set [McpTool(Description = ...)] or add an XML <summary>");

        public static readonly DiagnosticDescriptor MissingAccessClass = Warning(
            "MCPP005", "Tool has no access class",
            "Tool '{0}' declares no access class and is treated as Write (denied unless a policy rule grants it); set Access = ToolAccess.Read, Write or Destructive");

        public static readonly DiagnosticDescriptor GenericMethod = Error(
            "MCPP006", "Generic tool method",
            "Tool method '{0}' cannot be invoked: generic methods and methods of generic types cannot be tools");

        public static readonly DiagnosticDescriptor ByRefParameter = Error(
            "MCPP007", "ref, out or in parameter",
            "Tool method '{0}' cannot be invoked: parameter '{1}' is passed by reference (ref, out or in)");

        public static readonly DiagnosticDescriptor InaccessibleMethod = Error(
            "MCPP008", "Tool method is not accessible",
            "Tool method '{0}' cannot be invoked by generated code: make the method and its containing types public or internal");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
            "MCPP009", "Unsupported tool return type",
            "Tool method '{0}' returns '{1}', which cannot be sent as MCP content; return string, a scalar, a record/class, a collection, ContentBlock(s) or CallToolResult (optionally as Task/ValueTask)");

        public static readonly DiagnosticDescriptor UnconstructibleToolSet = Error(
            "MCPP010", "Tool set cannot be created",
            "Instance tool method '{0}' needs an instance of '{1}', which has no public constructor; make the method static or give the class a public constructor");

        public static readonly DiagnosticDescriptor MissingParameterDescription = Warning(
            "MCPP011", "Tool parameter has no description",
            "Parameter '{0}' of tool '{1}' has no description; add [Description(...)] or an XML <param> so models know what to send");

        public static readonly DiagnosticDescriptor InvalidSecretParameter = Error(
            "MCPP012", "Invalid secret parameter",
            "Secret parameter '{0}' of tool method '{1}' {2}");

        public static readonly DiagnosticDescriptor MalformedAppSettings = Warning(
            "MCPP013", "appsettings.json cannot be read",
            "'{0}' is not valid JSON at line {1}, column {2}: {3}; the governance manifest uses the default McpPlatform settings instead, and the server will not start with this file");

        public static readonly DiagnosticDescriptor InvalidGovernanceSetting = Warning(
            "MCPP014", "Invalid McpPlatform setting",
            "{0} (line {1} of '{2}'); the server refuses to start with it, and the governance manifest {3}");

        public static readonly DiagnosticDescriptor MissingMemberDescription = Warning(
            "MCPP015", "Resource or prompt has no description",
            "{0} '{1}' has no description; clients and models choose by it: set Description = ... on the attribute or add an XML <summary>");

        public static readonly DiagnosticDescriptor InvalidResourceUri = Error(
            "MCPP016", "Invalid resource URI or URI template",
            "Resource method '{0}' declares '{1}', which is not a valid resource URI or RFC 6570 level 1 URI template: {2}");

        public static readonly DiagnosticDescriptor TemplateParameterMismatch = Error(
            "MCPP017", "URI template variables do not match the parameters",
            "Resource method '{0}': {1}; every {{variable}} of the URI template needs a string parameter of the same name, and every string parameter a variable");

        public static readonly DiagnosticDescriptor DuplicateResource = Error(
            "MCPP018", "Duplicate resource",
            "Resource {0} '{1}' is used by more than one method ({2}); give each resource its own URI and name");

        public static readonly DiagnosticDescriptor DuplicatePromptName = Error(
            "MCPP019", "Duplicate prompt name",
            "Prompt name '{0}' is used by more than one method ({1}); give one of them another name with [McpPrompt(\"name\")]");

        public static readonly DiagnosticDescriptor UnsupportedMemberReturnType = Error(
            "MCPP020", "Unsupported resource, prompt or completion return type",
            "{0} method '{1}' returns '{2}'; return {3} (optionally as Task/ValueTask)");

        public static readonly DiagnosticDescriptor CompletionTargetNotFound = Error(
            "MCPP021", "Completion target not found",
            "Completion method '{0}': {1}");

        public static readonly DiagnosticDescriptor UnsupportedMemberParameter = Error(
            "MCPP022", "Unsupported resource, prompt or completion parameter",
            "Parameter '{0}' of {1} method '{2}' has type '{3}'; {4}");

        public static readonly DiagnosticDescriptor DuplicateCompletion = Error(
            "MCPP023", "Duplicate completion source",
            "More than one completion method completes '{0}' of {1} ({2}); keep one");

        public static readonly DiagnosticDescriptor InvalidMemberName = Error(
            "MCPP024", "Invalid resource or prompt name",
            "{0} name '{1}' of method '{2}' is not valid: use 1 to 128 characters from A-Z, a-z, 0-9, '_', '-' and '.'");

        public static readonly DiagnosticDescriptor RequiredPropertyIgnored = Error(
            "MCPP025", "Required property is ignored",
            "Property '{0}' of '{1}' is required but [JsonIgnore] keeps it from being read, so no caller could set it (System.Text.Json refuses the type too); remove 'required' or the [JsonIgnore]");

        public static readonly DiagnosticDescriptor DuplicateJsonName = Error(
            "MCPP026", "Two properties with one JSON name",
            "Properties '{0}' and '{1}' of '{2}' both have the JSON name '{3}' (argument names match ignoring case); rename one with [JsonPropertyName] or leave it out with [JsonIgnore]");

        public static readonly DiagnosticDescriptor UnsupportedExtensionData = Error(
            "MCPP027", "[JsonExtensionData] is not supported",
            "Property '{0}' of '{1}' has [JsonExtensionData], which tool arguments and results do not support: their schemas list every property and refuse others; use a Dictionary<string, T> property for open-ended data, or mark it [JsonIgnore]");

        public static readonly DiagnosticDescriptor IneffectiveJsonAttribute = Warning(
            "MCPP028", "System.Text.Json attribute has no effect",
            "{0} on '{1}' has no effect on tool arguments and results: generated code reads and writes them as their schema describes, not with JsonSerializer; {2}");

        public static readonly DiagnosticDescriptor UnreadableOpenApiOperations = Error(
            "MCPP029", "OpenAPI operations cannot be listed",
            "The build's description of an OpenAPI document cannot be read, so its operations are missing from the manifest: {0}; rebuild (the McpPlatform.Hosting build writes it)");

        public static readonly DiagnosticDescriptor OpenApiToolNameTaken = Error(
            "MCPP030", "OpenAPI operation named like another tool",
            "The OpenAPI operation {1} would be the tool '{0}', a name another tool already has; give its document another Namespace in the McpOpenApi item");

        public static readonly DiagnosticDescriptor UnreadableSnippets = Error(
            "MCPP034", "Snippets cannot be listed",
            "The build's description of the project's snippets cannot be read, so they are missing from the manifest: {0}; rebuild (the McpPlatform.Hosting build writes it)");

        public static readonly DiagnosticDescriptor SnippetToolNameTaken = Error(
            "MCPP035", "Snippet named like another tool",
            "The snippet '{1}' would be the tool '{0}', a name another tool already has; rename the snippet (@name)");

        public static readonly DiagnosticDescriptor RevertToolNotFound = Error(
            "MCPP031", "Revert tool not found",
            "Tool '{0}' declares Revert = \"{1}\", but '{2}' has no [McpTool] method of that name; name the inverse with Revert = nameof(Method)");

        public static readonly DiagnosticDescriptor RevertArgumentUnfilled = Error(
            "MCPP032", "Revert tool argument cannot be filled",
            "Tool '{0}' declares the inverse '{1}', whose required argument '{2}' is neither an argument of '{0}' nor a top-level property of its result; rollback fills the inverse's arguments by name from those two");

        public static readonly DiagnosticDescriptor RevertOnReadTool = Warning(
            "MCPP033", "Read tool declares a revert",
            "Tool '{0}' is Read and changes nothing, so its Revert = \"{1}\" is ignored; remove it, or give the tool Access = ToolAccess.Write or Destructive");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
    }
}

namespace McpPlatform.Generators.Model
{
    /// <summary>The method behind a resource, prompt or completion source, and how to get the instance it runs on.</summary>
    internal sealed record MethodTarget(
        string ContainingType,
        string MethodName,
        bool IsStatic,
        bool FromServicesOnly,
        EquatableArray<string> Dependencies,
        bool IsDisposable,
        bool IsAsyncDisposable);

    /// <summary>
    /// One parameter of a resource, prompt or completion method. <see cref="ParameterSource.Argument"/>
    /// means a template variable, a prompt argument or the partial value to complete.
    /// </summary>
    internal sealed record MemberParameter(string Name, string TypeName, ParameterSource Source, string? Description, bool IsRequired, string? DefaultLiteral = null);

    /// <summary>What every resource, prompt and completion model carries: the method, its parameters, and what parsing found.</summary>
    internal abstract record MemberModel(
        MethodTarget Method,
        EquatableArray<MemberParameter> Parameters,
        bool IsAwaited,
        LocationInfo? Location,
        EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public bool HasErrors => DiagnosticList.HasErrors(Diagnostics);
    }

    /// <summary>Everything needed to emit one [McpResource] method; plain data, no symbols.</summary>
    internal sealed record ResourceModel(
        string Name,
        string Uri,
        EquatableArray<string> Variables,
        string? Title,
        string? Description,
        string? MimeType,
        MethodTarget Method, EquatableArray<MemberParameter> Parameters, bool IsAwaited, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
        : MemberModel(Method, Parameters, IsAwaited, Location, Diagnostics)
    {
        public bool IsTemplated => Variables.Count > 0;
    }

    /// <summary>Everything needed to emit one [McpPrompt] method; plain data, no symbols.</summary>
    internal sealed record PromptModel(
        string Name,
        string? Title,
        string? Description,
        MethodTarget Method, EquatableArray<MemberParameter> Parameters, bool IsAwaited, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
        : MemberModel(Method, Parameters, IsAwaited, Location, Diagnostics);

    /// <summary>Everything needed to emit one [McpCompletion] method; plain data, no symbols.</summary>
    internal sealed record CompletionModel(
        string Argument,
        string? Prompt,
        string? ResourceTemplate,
        MethodTarget Method, EquatableArray<MemberParameter> Parameters, bool IsAwaited, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
        : MemberModel(Method, Parameters, IsAwaited, Location, Diagnostics)
    {
        /// <summary>The prompt name or URI template, for messages.</summary>
        public string TargetDisplay => Prompt is not null ? "prompt '" + Prompt + "'" : "resource template '" + ResourceTemplate + "'";
    }

    internal static class DiagnosticList
    {
        public static bool HasErrors(EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

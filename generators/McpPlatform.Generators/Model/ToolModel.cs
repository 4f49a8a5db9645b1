namespace McpPlatform.Generators.Model
{
    /// <summary>Where a tool method's parameter value comes from.</summary>
    internal enum ParameterSource
    {
        Argument,
        CancellationToken,
        Server,
        RequestContext,
        Progress,
        Invocation,
        ServiceProvider,
        Service,
        Caller,
        Secret,
    }

    /// <summary>One parameter of a tool method.</summary>
    internal sealed record ParameterModel(
        string Name,
        string TypeName,
        ParameterSource Source,
        TypeShape? Shape,
        string? Description,
        bool IsRequired,
        string? DefaultLiteral,
        string? DefaultJson,
        string? SecretName = null);

    /// <summary>How a tool's return value becomes MCP content.</summary>
    internal enum ReturnKind
    {
        Void,
        String,
        Boolean,
        Number,
        TextScalar,
        Content,
        ContentList,
        CallToolResult,
        Json,
    }

    /// <summary>What the tool method returns, after unwrapping Task/ValueTask.</summary>
    internal sealed record ReturnModel(ReturnKind Kind, bool IsAwaited, TypeShape? Shape);

    /// <summary>Everything needed to emit one tool; plain data, no symbols.</summary>
    internal sealed record ToolModel(
        string Name,
        string MethodName,
        string ContainingType,
        bool IsStatic,
        bool ResolveTargetFromServicesOnly,
        EquatableArray<string> ConstructorDependencies,
        bool IsDisposable,
        bool IsAsyncDisposable,
        string ToolSet,
        string? Title,
        string? Description,
        int Access,
        bool? Idempotent,
        bool? OpenWorld,
        EquatableArray<ParameterModel> Parameters,
        ReturnModel Return,
        EquatableArray<ObjectModel> Objects,
        LocationInfo? Location,
        EquatableArray<DiagnosticInfo> Diagnostics,
        string? Revert = null)
    {
        public bool HasErrors
        {
            get
            {
                foreach (var diagnostic in Diagnostics)
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
}

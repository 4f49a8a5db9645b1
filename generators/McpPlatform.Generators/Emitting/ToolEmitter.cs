using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>Emits one GeneratedMcpTool subclass: descriptor, argument binding, call, result conversion.</summary>
    internal static class ToolEmitter
    {
        public static void Emit(CodeWriter code, ToolModel tool, string className, CodecEmitter codecs, string codeModeName, string typeScript, RevertLink? revert = null)
        {
            code.Open($"private sealed class {className} : {Names.GeneratedTool}");
            EmitConstructor(code, tool, className, codeModeName, typeScript, revert);
            code.Line();

            var secrets = tool.Parameters.Where(p => p.Source == ParameterSource.Secret).ToList();
            var isAsync = tool.Return.IsAwaited || tool.IsAsyncDisposable || secrets.Count > 0;
            var modifiers = isAsync ? "protected override async" : "protected override";
            code.Open($"{modifiers} global::System.Threading.Tasks.ValueTask<{Names.CallToolResult}> InvokeCoreAsync({Names.Invocation} invocation, global::System.Threading.CancellationToken cancellationToken)");
            foreach (var parameter in tool.Parameters.Where(p => p.Source == ParameterSource.Argument))
            {
                code.Line($"{parameter.Shape!.NullableTypeName} {Local(parameter)} = {BindArgument(parameter, codecs)};");
            }

            // Secrets after arguments: a call with bad arguments never touches the secret store.
            foreach (var parameter in secrets)
            {
                code.Line($"string {Local(parameter)} = await invocation.GetSecretAsync({Names.Verbatim(parameter.SecretName)}, cancellationToken).ConfigureAwait(false);");
            }

            var call = $"{Target(tool, code)}.{tool.MethodName}({string.Join(", ", tool.Parameters.Select(Argument))})";
            if (tool.IsStatic || tool.ResolveTargetFromServicesOnly || !(tool.IsDisposable || tool.IsAsyncDisposable))
            {
                EmitCall(code, tool, call, isAsync, codecs);
            }
            else
            {
                code.Open("try");
                EmitCall(code, tool, call, isAsync, codecs);
                code.Close();
                code.Open("finally");
                code.Line(tool.IsAsyncDisposable
                    ? "if (created is not null) await created.DisposeAsync().ConfigureAwait(false);"
                    : "created?.Dispose();");
                code.Close();
            }

            code.Close();
            code.Close();
        }

        private static void EmitConstructor(CodeWriter code, ToolModel tool, string className, string codeModeName, string typeScript, RevertLink? revert)
        {
            code.Line($"public {className}()");
            code.Line($"    : base(new {Names.Descriptor}");
            code.Line("    {");
            code.Line($"        Name = {Names.Verbatim(tool.Name)},");
            code.Line($"        Title = {Names.Verbatim(tool.Title)},");
            code.Line($"        Description = {Names.Verbatim(tool.Description ?? string.Empty)},");
            code.Line($"        Access = (global::McpPlatform.ToolAccess){tool.Access},");
            code.Line($"        ToolSet = {Names.Verbatim(tool.ToolSet)},");
            code.Line($"        InputSchema = {Names.Verbatim(SchemaWriter.InputSchema(tool))},");
            var argumentNames = tool.Parameters.Where(p => p.Source == ParameterSource.Argument).Select(p => Names.Verbatim(p.Name)).ToList();
            code.Line(argumentNames.Count == 0
                ? "        ArgumentNames = global::System.Array.Empty<string>(),"
                : $"        ArgumentNames = new string[] {{ {string.Join(", ", argumentNames)} }},");
            code.Line($"        OutputSchema = {Names.Verbatim(SchemaWriter.OutputSchema(tool))},");
            code.Line($"        Idempotent = {Bool(tool.Idempotent)},");
            code.Line($"        OpenWorld = {Bool(tool.OpenWorld)},");
            var secretNames = tool.Parameters.Where(p => p.Source == ParameterSource.Secret).Select(p => Names.Verbatim(p.SecretName)).ToList();
            if (secretNames.Count > 0)
            {
                code.Line($"        Secrets = new string[] {{ {string.Join(", ", secretNames)} }},");
            }

            if (tool.Return.Kind is ReturnKind.Number or ReturnKind.Boolean)
            {
                // Code Mode hands the script the number or boolean the TypeScript declaration promises, not its text.
                code.Line("        TextResultIsJson = true,");
            }

            if (revert is not null)
            {
                var arguments = revert.Arguments.OrderBy(a => a.Argument, System.StringComparer.Ordinal)
                    .Select(a => $"new global::McpPlatform.Governance.Tools.ToolRevertArgument({Names.Verbatim(a.Argument)}, global::McpPlatform.Governance.Tools.ToolRevertSource.{(a.Source == RevertLink.FromResult ? "Result" : "Argument")})");
                code.Line($"        Revert = new global::McpPlatform.Governance.Tools.ToolRevert({Names.Verbatim(revert.Tool)}, new global::McpPlatform.Governance.Tools.ToolRevertArgument[] {{ {string.Join(", ", arguments)} }}),");
            }

            code.Line($"        CodeModeName = {Names.Verbatim(codeModeName)},");
            code.Line($"        TypeScript = {SymbolDisplay.FormatLiteral(typeScript, quote: true)},");
            code.Line("    })");
            code.Line("{");
            code.Line("}");
        }

        private static string Bool(bool? value) => value is null ? "null" : value.Value ? "true" : "false";

        private static string Local(ParameterModel parameter) => "p_" + parameter.Name;

        private static string BindArgument(ParameterModel parameter, CodecEmitter codecs)
        {
            var name = "\"" + parameter.Name + "\"";
            if (parameter.IsRequired)
            {
                return codecs.Read(parameter.Shape! with { IsNullable = false, IsNullableValueType = false }, $"invocation.Arguments.GetRequired({name}, {ShapeDescriptions.ExpectedLiteral(parameter.Shape!)})", name);
            }

            var fallback = parameter.DefaultLiteral ?? "null";
            var read = codecs.Read(parameter.Shape! with { IsNullable = false, IsNullableValueType = false }, "a_" + parameter.Name, name);
            return $"invocation.Arguments.TryGet({name}, out var a_{parameter.Name}) ? {read} : {fallback}";
        }

        private static string Argument(ParameterModel parameter)
        {
            var service = parameter.IsRequired ? "GetRequiredService" : "GetService";
            return parameter.Source switch
            {
                ParameterSource.Argument => Local(parameter),
                ParameterSource.CancellationToken => "cancellationToken",
                ParameterSource.Server => "invocation.Server",
                ParameterSource.RequestContext => "invocation.Request",
                ParameterSource.Progress => "invocation.Progress",
                ParameterSource.Invocation => "invocation",
                ParameterSource.Caller => "invocation.Caller",
                ParameterSource.Secret => Local(parameter),
                ParameterSource.ServiceProvider => "invocation.Services",
                _ => $"{Names.ServiceExtensions}.{service}<{parameter.TypeName}>(invocation.Services)",
            };
        }

        /// <summary>The expression the method is called on; declares the instance first when needed.</summary>
        private static string Target(ToolModel tool, CodeWriter code)
        {
            if (tool.IsStatic)
            {
                return tool.ContainingType;
            }

            var fromServices = $"{Names.ServiceExtensions}.GetService<{tool.ContainingType}>(invocation.Services)";
            if (tool.ResolveTargetFromServicesOnly)
            {
                code.Line($"var target = {Names.ServiceExtensions}.GetRequiredService<{tool.ContainingType}>(invocation.Services);");
                return "target";
            }

            var dependencies = string.Join(", ", tool.ConstructorDependencies.Select(d => $"{Names.ServiceExtensions}.GetRequiredService<{d}>(invocation.Services)"));
            if (tool.IsDisposable || tool.IsAsyncDisposable)
            {
                // Dispose only what this call created; an instance registered in DI belongs to the container.
                code.Line($"{tool.ContainingType}? created = null;");
                code.Line($"var target = {fromServices} ?? (created = new {tool.ContainingType}({dependencies}));");
            }
            else
            {
                code.Line($"var target = {fromServices} ?? new {tool.ContainingType}({dependencies});");
            }

            return "target";
        }

        private static void EmitCall(CodeWriter code, ToolModel tool, string call, bool isAsync, CodecEmitter codecs)
        {
            var invoke = tool.Return.IsAwaited ? $"await {call}.ConfigureAwait(false)" : call;
            if (tool.Return.Kind == ReturnKind.Void)
            {
                code.Line(invoke + ";");
                Return(code, $"{Names.Results}.Empty()", isAsync);
                return;
            }

            code.Line($"var result = {invoke};");
            Return(code, Convert(tool.Return, codecs, code), isAsync);
        }

        private static void Return(CodeWriter code, string expression, bool isAsync) =>
            code.Line(isAsync ? $"return {expression};" : $"return new global::System.Threading.Tasks.ValueTask<{Names.CallToolResult}>({expression});");

        private static string Convert(ReturnModel returns, CodecEmitter codecs, CodeWriter code)
        {
            var shape = returns.Shape;
            var nullable = shape?.IsNullable == true;
            var value = shape?.IsNullableValueType == true ? "result.Value" : "result";
            string Guarded(string expression) => nullable ? $"result is null ? {Names.Results}.Empty() : {expression}" : expression;
            switch (returns.Kind)
            {
                case ReturnKind.String:
                    return $"{Names.Results}.Text(result)";
                case ReturnKind.Boolean:
                case ReturnKind.Number:
                    return Guarded($"{Names.Results}.Value({value})");
                case ReturnKind.TextScalar:
                    var text = shape!.Kind == ShapeKind.DateTime
                        ? $"{value}.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)"
                        : $"{value}.ToString()";
                    return Guarded($"{Names.Results}.Text({text})");
                case ReturnKind.Content:
                    return $"{Names.Results}.Content(result)";
                case ReturnKind.ContentList:
                    return $"{Names.Results}.Content(result)";
                case ReturnKind.CallToolResult:
                    return $"{Names.Results}.Passthrough(result)";
                default:
                    var structured = shape!.Kind == ShapeKind.Object ? "true" : "false";
                    var writerCode = new CodeWriter();
                    codecs.Write(writerCode, shape with { IsNullable = false, IsNullableValueType = false }, value);
                    var body = string.Join(" ", writerCode.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                    var json = $"{Names.Results}.Json(writer => {{ {body} }}, structured: {structured})";
                    return nullable || !codecs.IsValueType(shape) ? $"result is null ? {Names.Results}.Empty() : {json}" : json;
            }
        }
    }
}

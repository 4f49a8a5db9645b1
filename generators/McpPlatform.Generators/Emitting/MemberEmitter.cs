using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// Emits the body that calls a resource, prompt or completion method: obtains the instance,
    /// binds each parameter from the context variable, awaits when needed, and converts the result.
    /// </summary>
    internal static class MemberEmitter
    {
        /// <summary>Whether the emitted method must be async.</summary>
        public static bool IsAsync(MethodTarget method, bool isAwaited) => isAwaited || method.IsAsyncDisposable;

        /// <summary>
        /// Writes the body: <paramref name="bindArgument"/> gives the expression for each string
        /// parameter, <paramref name="convert"/> turns the result variable into the returned value,
        /// and <paramref name="resultType"/> is the ValueTask's type argument for synchronous bodies.
        /// </summary>
        public static void Body(
            CodeWriter code,
            MethodTarget method,
            IEnumerable<MemberParameter> parameters,
            bool isAwaited,
            string context,
            System.Func<MemberParameter, string> bindArgument,
            string convert,
            string resultType)
        {
            var target = Target(code, method, context);
            var arguments = string.Join(", ", parameters.Select(p => Argument(p, context, bindArgument)));
            var call = $"{target}.{method.MethodName}({arguments})";
            code.Line(isAwaited ? $"var result = await {call}.ConfigureAwait(false);" : $"var result = {call};");
            code.Line(IsAsync(method, isAwaited)
                ? $"return {convert};"
                : $"return new global::System.Threading.Tasks.ValueTask<{resultType}>({convert});");
        }

        private static string Target(CodeWriter code, MethodTarget method, string context)
        {
            if (method.IsStatic)
            {
                return method.ContainingType;
            }

            if (method.FromServicesOnly)
            {
                code.Line($"var target = {Names.ServiceExtensions}.GetRequiredService<{method.ContainingType}>({context}.Services);");
                return "target";
            }

            var dependencies = string.Join(", ", method.Dependencies.Select(d => $"{Names.ServiceExtensions}.GetRequiredService<{d}>({context}.Services)"));
            var create = $"new {method.ContainingType}({dependencies})";
            code.Line(method.IsAsyncDisposable
                ? $"await using var target = {create};"
                : method.IsDisposable ? $"using var target = {create};" : $"var target = {create};");
            return "target";
        }

        private static string Argument(MemberParameter parameter, string context, System.Func<MemberParameter, string> bindArgument) => parameter.Source switch
        {
            ParameterSource.Argument => bindArgument(parameter),
            ParameterSource.CancellationToken => "cancellationToken",
            ParameterSource.ServiceProvider => $"{context}.Services",
            ParameterSource.Server => $"{context}.Request.Server",
            ParameterSource.Caller => $"{context}.Caller",
            _ => parameter.IsRequired
                ? $"{Names.ServiceExtensions}.GetRequiredService<{parameter.TypeName.TrimEnd('?')}>({context}.Services)"
                : $"{Names.ServiceExtensions}.GetService<{parameter.TypeName.TrimEnd('?')}>({context}.Services)",
        };

        public static string Literal(string? text) => text is null ? "null" : SymbolDisplay.FormatLiteral(text, quote: true);
    }
}

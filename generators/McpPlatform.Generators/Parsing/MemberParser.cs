using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>What resource, prompt and completion methods share: the target, injected parameters and Task unwrapping.</summary>
    internal static class MemberParser
    {
        public static MethodTarget Target(IMethodSymbol method, Compilation compilation, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            ToolParser.CheckInvocable(method, compilation, display, location, diagnostics);
            var target = TargetFactory.Describe(method, display, location, diagnostics);
            return new MethodTarget(
                TypeShapeParser.DisplayName(method.ContainingType),
                method.Name,
                method.IsStatic,
                target.FromServicesOnly,
                target.Dependencies,
                target.IsDisposable,
                target.IsAsyncDisposable);
        }

        /// <summary>
        /// Each parameter: a string (<see cref="ParameterSource.Argument"/>), or one the platform supplies
        /// (CancellationToken, IServiceProvider, McpServer, CallerIdentity, [FromServices] and service
        /// abstractions). Anything else is reported with <paramref name="expected"/>.
        /// </summary>
        public static List<MemberParameter> Parameters(
            IMethodSymbol method, string kind, string display, DocComments docs, string expected, List<DiagnosticInfo> diagnostics)
        {
            var parameters = new List<MemberParameter>();
            foreach (var parameter in method.Parameters)
            {
                var typeName = TypeShapeParser.DisplayName(parameter.Type);
                var optional = parameter.HasExplicitDefaultValue
                    || (!parameter.Type.IsValueType && parameter.NullableAnnotation == NullableAnnotation.Annotated);
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    var description = TypeShapeParser.Description(parameter) ?? docs.Param(parameter.Name);
                    var defaultLiteral = parameter.HasExplicitDefaultValue ? Literals.CSharp(parameter.ExplicitDefaultValue, parameter.Type) : null;
                    parameters.Add(new MemberParameter(parameter.Name, typeName, ParameterSource.Argument, description, !optional, defaultLiteral));
                    continue;
                }

                var source = ParameterParser.InjectedSource(parameter);
                if (source is ParameterSource.CancellationToken or ParameterSource.ServiceProvider or ParameterSource.Server
                    or ParameterSource.Caller or ParameterSource.Service)
                {
                    parameters.Add(new MemberParameter(parameter.Name, typeName, source.Value, null, !optional));
                    continue;
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    Diagnostics.UnsupportedMemberParameter,
                    LocationInfo.From(parameter.Locations.FirstOrDefault()),
                    parameter.Name,
                    kind,
                    display,
                    parameter.Type.ToDisplayString(),
                    expected));
            }

            return parameters;
        }

        /// <summary>The type a method produces after unwrapping Task&lt;T&gt;/ValueTask&lt;T&gt;; null for void and plain Task.</summary>
        public static ITypeSymbol? Produced(ITypeSymbol returnType, out bool awaited)
        {
            awaited = false;
            var definition = returnType.OriginalDefinition.ToDisplayString();
            if (definition is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>")
            {
                awaited = true;
                return ((INamedTypeSymbol)returnType).TypeArguments[0];
            }

            return returnType.SpecialType == SpecialType.System_Void || definition is "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask"
                ? null
                : returnType;
        }

        /// <summary>The element type when <paramref name="type"/> is or implements IEnumerable&lt;T&gt;.</summary>
        public static ITypeSymbol? EnumerableElement(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return named.TypeArguments[0];
            }

            return type.AllInterfaces
                .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                ?.TypeArguments[0];
        }

        public static string? Named(AttributeData attribute, string key) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == key).Value.Value as string;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Turns one [McpTool] method into a <see cref="ToolModel"/>: plain data plus diagnostics.</summary>
    internal static class ToolParser
    {
        private const int AccessUnspecified = 0;
        private const int AccessWrite = 2;

        public static ToolModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            var diagnostics = new List<DiagnosticInfo>();
            var shapes = new TypeShapeParser(cancellationToken);
            var docs = DocComments.For(method, cancellationToken);
            var containingType = method.ContainingType;
            var display = containingType.Name + "." + method.Name;

            var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? ToolNaming.ToSnakeCase(method.Name);
            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
            var description = Named<string>(named, "Description") ?? docs.Summary;
            var access = named.TryGetValue("Access", out var accessValue) && accessValue.Value is int a ? a : AccessUnspecified;

            if (!ToolNaming.IsValidToolName(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidToolName, location, name, display));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingDescription, location, name));
            }

            if (access == AccessUnspecified)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingAccessClass, location, name));
                access = AccessWrite;
            }

            CheckInvocable(method, context.SemanticModel.Compilation, display, location, diagnostics);

            var parameters = new List<ParameterModel>();
            foreach (var parameter in method.Parameters)
            {
                var model = ParameterParser.Parse(parameter, docs, shapes, name, display, diagnostics);
                if (model is not null)
                {
                    parameters.Add(model);
                }
            }

            var returns = ReturnParser.Parse(method.ReturnType, shapes);
            if (returns is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, location, display, method.ReturnType.ToDisplayString()));
                returns = new ReturnModel(ReturnKind.Void, false, null);
            }

            var target = TargetFactory.Describe(method, display, location, diagnostics);
            diagnostics.AddRange(shapes.ReportedDiagnostics);
            return new ToolModel(
                name,
                method.Name,
                TypeShapeParser.DisplayName(containingType),
                method.IsStatic,
                target.FromServicesOnly,
                target.Dependencies,
                target.IsDisposable,
                target.IsAsyncDisposable,
                ToolSetName(containingType),
                Named<string>(named, "Title"),
                description,
                access,
                named.TryGetValue("Idempotent", out var idempotent) ? (bool?)(idempotent.Value is true) : null,
                named.TryGetValue("OpenWorld", out var openWorld) ? (bool?)(openWorld.Value is true) : null,
                parameters.ToEquatableArray(),
                returns,
                shapes.Objects,
                location,
                diagnostics.ToEquatableArray(),
                Named<string>(named, "Revert"));
        }

        internal static void CheckInvocable(IMethodSymbol method, Compilation compilation, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            if (method.IsGenericMethod || IsInGenericType(method.ContainingType))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericMethod, location, display));
            }

            if (!compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)
                || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InaccessibleMethod, location, display));
            }

            foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ByRefParameter, LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? location, display, parameter.Name));
            }
        }

        private static bool IsInGenericType(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.ContainingType)
            {
                if (type.IsGenericType)
                {
                    return true;
                }
            }

            return false;
        }

        private static string ToolSetName(INamedTypeSymbol type)
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.McpToolSet);
            return attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
        }

        private static T? Named<T>(Dictionary<string, TypedConstant> named, string key)
            where T : class =>
            named.TryGetValue(key, out var value) ? value.Value as T : null;
    }
}

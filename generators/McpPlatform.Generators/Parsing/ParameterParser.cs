using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Decides where each tool parameter comes from: the caller's JSON, or the platform.</summary>
    internal static class ParameterParser
    {
        public static ParameterModel? Parse(
            IParameterSymbol parameter, DocComments docs, TypeShapeParser shapes, string toolName, string display, List<DiagnosticInfo> diagnostics)
        {
            var typeName = TypeShapeParser.DisplayName(parameter.Type);
            if (parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.Secret) is { } secret)
            {
                return SecretParameter(parameter, secret, typeName, display, diagnostics);
            }

            var nullableReference = !parameter.Type.IsValueType && parameter.NullableAnnotation == NullableAnnotation.Annotated;
            var injected = InjectedSource(parameter);
            if (injected is { } source)
            {
                var optional = parameter.HasExplicitDefaultValue || nullableReference;
                return new ParameterModel(parameter.Name, typeName, source, null, null, !optional, null, null);
            }

            var location = LocationInfo.From(parameter.Locations.FirstOrDefault());
            var shape = shapes.Parse(parameter.Type);
            if (shape is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedParameterType, location, parameter.Name, display, parameter.Type.ToDisplayString()));
                return null;
            }

            var description = TypeShapeParser.Description(parameter) ?? docs.Param(parameter.Name);
            if (description is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingParameterDescription, location, parameter.Name, toolName));
            }

            var hasDefault = parameter.HasExplicitDefaultValue;
            return new ParameterModel(
                parameter.Name,
                typeName,
                ParameterSource.Argument,
                shape,
                description,
                IsRequired: !hasDefault && !shape.IsNullable,
                DefaultLiteral: hasDefault ? Literals.CSharp(parameter.ExplicitDefaultValue, parameter.Type) : null,
                DefaultJson: hasDefault ? Literals.Json(parameter.ExplicitDefaultValue, parameter.Type) : null);
        }

        /// <summary>A [Secret("name")] string parameter: filled from the secret store, never part of the schema.</summary>
        private static ParameterModel? SecretParameter(
            IParameterSymbol parameter, AttributeData secret, string typeName, string display, List<DiagnosticInfo> diagnostics)
        {
            var location = LocationInfo.From(parameter.Locations.FirstOrDefault());
            var name = secret.ConstructorArguments.Length == 1 ? secret.ConstructorArguments[0].Value as string : null;
            var problem = parameter.Type.SpecialType != SpecialType.System_String
                ? "must be a string"
                : name is null || !SecretNames.IsValid(name)
                    ? $"names the secret '{name}', which is not a valid secret name (1-127 letters, digits and '-', starting with a letter or digit)"
                    : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSecretParameter, location, parameter.Name, display, problem));
                return null;
            }

            return new ParameterModel(parameter.Name, typeName, ParameterSource.Secret, null, null, true, null, null, SecretName: name);
        }

        internal static ParameterSource? InjectedSource(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            var name = type.OriginalDefinition.ToDisplayString();
            switch (name)
            {
                case "System.Threading.CancellationToken": return ParameterSource.CancellationToken;
                case "System.IServiceProvider": return ParameterSource.ServiceProvider;
                case McpAttributeNames.McpServer: return ParameterSource.Server;
                case McpAttributeNames.ToolInvocation: return ParameterSource.Invocation;
                case McpAttributeNames.CallerIdentity: return ParameterSource.Caller;
                case "ModelContextProtocol.Server.RequestContext<TParams>": return ParameterSource.RequestContext;
                case "System.IProgress<T>":
                    var argument = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString();
                    return argument == McpAttributeNames.ProgressNotificationValue ? ParameterSource.Progress : null;
            }

            if (parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.FromServices))
            {
                return ParameterSource.Service;
            }

            // Interfaces and abstract classes are services, except the collection interfaces tools take as arguments.
            var isAbstraction = type.TypeKind == TypeKind.Interface || (type.TypeKind == TypeKind.Class && type.IsAbstract);
            return isAbstraction && TypeShapeParser.ElementType(type, out _) is null && !IsSystemCollection(type)
                ? ParameterSource.Service
                : null;
        }

        private static bool IsSystemCollection(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString().StartsWith("System.Collections", System.StringComparison.Ordinal) == true;
    }
}

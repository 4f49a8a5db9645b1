using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Turns one [McpResource] method into a <see cref="ResourceModel"/>: plain data plus diagnostics.</summary>
    internal static class ResourceParser
    {
        private const string Returns = "string (text), byte[] or ReadOnlyMemory<byte> (binary), ResourceContents, a collection of ResourceContents or ReadResourceResult";

        public static ResourceModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            var diagnostics = new List<DiagnosticInfo>();
            var docs = DocComments.For(method, cancellationToken);
            var display = method.ContainingType.Name + "." + method.Name;

            var uri = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            var name = MemberParser.Named(attribute, "Name") ?? ToolNaming.ToSnakeCase(method.Name);
            var description = MemberParser.Named(attribute, "Description") ?? docs.Summary;
            if (!ToolNaming.IsValidToolName(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidMemberName, location, "Resource", name, display));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingMemberDescription, location, "Resource", name));
            }

            var variables = ResourceUriParser.Variables(uri, out var problem);
            if (variables is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidResourceUri, location, display, uri, problem!));
                variables = new List<string>();
            }

            var target = MemberParser.Target(method, context.SemanticModel.Compilation, display, location, diagnostics);
            var parameters = MemberParser.Parameters(
                method, "resource", display, docs,
                "resource methods take string template variables, CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services",
                diagnostics);
            CheckVariables(parameters, variables, problem is null, display, location, diagnostics);

            var produced = MemberParser.Produced(method.ReturnType, out var awaited);
            if (produced is null || !IsSupported(produced))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberReturnType, location, "Resource", display, method.ReturnType.ToDisplayString(), Returns));
            }

            return new ResourceModel(
                name,
                uri,
                variables.ToEquatableArray(),
                MemberParser.Named(attribute, "Title"),
                description,
                MemberParser.Named(attribute, "MimeType"),
                target,
                parameters.ToEquatableArray(),
                awaited,
                location,
                diagnostics.ToEquatableArray());
        }

        private static void CheckVariables(
            List<MemberParameter> parameters, List<string> variables, bool uriValid, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var strings = parameters.Where(p => p.Source == ParameterSource.Argument).Select(p => p.Name).ToList();
            var unbound = variables.Where(v => !strings.Contains(v)).ToList();
            var unknown = strings.Where(s => !variables.Contains(s)).ToList();
            if (unbound.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TemplateParameterMismatch, location, display,
                    "template variable(s) " + string.Join(", ", unbound.Select(v => "{" + v + "}")) + " have no string parameter"));
            }

            if (unknown.Count > 0 && uriValid)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TemplateParameterMismatch, location, display,
                    "string parameter(s) " + string.Join(", ", unknown) + " are not variables of the URI template"));
            }
        }

        private static bool IsSupported(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String
                || (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
                || type.ToDisplayString() == "System.ReadOnlyMemory<byte>"
                || ReturnParser.DerivesFrom(type, McpAttributeNames.ResourceContents)
                || ReturnParser.DerivesFrom(type, McpAttributeNames.ReadResourceResult))
            {
                return true;
            }

            return MemberParser.EnumerableElement(type) is { } element && ReturnParser.DerivesFrom(element, McpAttributeNames.ResourceContents);
        }
    }
}

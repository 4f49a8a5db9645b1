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
            var site = MemberSite.From(context, cancellationToken);

            var uri = site.FirstArgument ?? string.Empty;
            var name = site.Named("Name") ?? ToolNaming.ToSnakeCase(site.Method.Name);
            var description = site.Description;
            site.CheckNameAndDescription("Resource", name, description);

            var variables = ResourceUriParser.Variables(uri, out var problem);
            if (variables is null)
            {
                site.Found.Add(DiagnosticInfo.Create(Diagnostics.InvalidResourceUri, site.Location, site.Display, uri, problem!));
                variables = new List<string>();
            }

            var target = site.Target();
            var parameters = site.Parameters(
                "resource",
                "resource methods take string template variables, CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services");
            CheckVariables(parameters, variables, problem is null, site.Display, site.Location, site.Found);

            var produced = MemberParser.Produced(site.Method.ReturnType, out var awaited);
            if (produced is null || !IsSupported(produced))
            {
                site.UnsupportedReturnType("Resource", Returns);
            }

            return new ResourceModel(
                name,
                uri,
                variables.ToEquatableArray(),
                site.Named("Title"),
                description,
                site.Named("MimeType"),
                target,
                parameters.ToEquatableArray(),
                awaited,
                site.Location,
                site.Found.ToEquatableArray());
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

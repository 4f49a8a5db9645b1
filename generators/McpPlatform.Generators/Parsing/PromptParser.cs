using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Turns one [McpPrompt] method into a <see cref="PromptModel"/>: plain data plus diagnostics.</summary>
    internal static class PromptParser
    {
        private const string Returns = "string (one user message), PromptMessage, a collection of PromptMessage or GetPromptResult";

        public static PromptModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            var diagnostics = new List<DiagnosticInfo>();
            var docs = DocComments.For(method, cancellationToken);
            var display = method.ContainingType.Name + "." + method.Name;

            var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? ToolNaming.ToSnakeCase(method.Name);
            var description = MemberParser.Named(attribute, "Description") ?? docs.Summary;
            if (!ToolNaming.IsValidToolName(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidMemberName, location, "Prompt", name, display));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingMemberDescription, location, "Prompt", name));
            }

            var target = MemberParser.Target(method, context.SemanticModel.Compilation, display, location, diagnostics);
            var parameters = MemberParser.Parameters(
                method, "prompt", display, docs,
                "prompt arguments are strings; prompt methods may also take CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services",
                diagnostics);

            var produced = MemberParser.Produced(method.ReturnType, out var awaited);
            if (produced is null || !IsSupported(produced))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberReturnType, location, "Prompt", display, method.ReturnType.ToDisplayString(), Returns));
            }

            return new PromptModel(
                name,
                MemberParser.Named(attribute, "Title"),
                description,
                target,
                parameters.ToEquatableArray(),
                awaited,
                location,
                diagnostics.ToEquatableArray());
        }

        private static bool IsSupported(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String
            || ReturnParser.DerivesFrom(type, McpAttributeNames.PromptMessage)
            || ReturnParser.DerivesFrom(type, McpAttributeNames.GetPromptResult)
            || (MemberParser.EnumerableElement(type) is { } element && ReturnParser.DerivesFrom(element, McpAttributeNames.PromptMessage));
    }
}

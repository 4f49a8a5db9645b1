using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Turns one [McpCompletion] method into a <see cref="CompletionModel"/>; whether its target exists is checked with all prompts and resources at hand.</summary>
    internal static class CompletionParser
    {
        public static CompletionModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            var diagnostics = new List<DiagnosticInfo>();
            var docs = DocComments.For(method, cancellationToken);
            var display = method.ContainingType.Name + "." + method.Name;

            var argument = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            var prompt = MemberParser.Named(attribute, "Prompt");
            var template = MemberParser.Named(attribute, "ResourceTemplate");
            if ((prompt is null) == (template is null))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.CompletionTargetNotFound, location, display,
                    "set exactly one of Prompt and ResourceTemplate on [McpCompletion]"));
            }

            var target = MemberParser.Target(method, context.SemanticModel.Compilation, display, location, diagnostics);
            var parameters = MemberParser.Parameters(
                method, "completion", display, docs,
                "completion methods take the partial value as one string, and optionally CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services",
                diagnostics);
            if (parameters.Count(p => p.Source == ParameterSource.Argument) != 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberParameter, location, "(value)", "completion", display, "string",
                    "a completion method takes exactly one string parameter: the partial value"));
            }

            var produced = MemberParser.Produced(method.ReturnType, out var awaited);
            if (produced is null || produced.SpecialType == SpecialType.System_String
                || MemberParser.EnumerableElement(produced) is not { SpecialType: SpecialType.System_String })
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberReturnType, location, "Completion", display,
                    method.ReturnType.ToDisplayString(), "IEnumerable<string> (or an array or list of strings)"));
            }

            return new CompletionModel(argument, prompt, template, target, parameters.ToEquatableArray(), awaited, location, diagnostics.ToEquatableArray());
        }
    }
}

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
            var site = MemberSite.From(context, cancellationToken);

            var argument = site.FirstArgument ?? string.Empty;
            var prompt = site.Named("Prompt");
            var template = site.Named("ResourceTemplate");
            if ((prompt is null) == (template is null))
            {
                site.Found.Add(DiagnosticInfo.Create(Diagnostics.CompletionTargetNotFound, site.Location, site.Display,
                    "set exactly one of Prompt and ResourceTemplate on [McpCompletion]"));
            }

            var target = site.Target();
            var parameters = site.Parameters(
                "completion",
                "completion methods take the partial value as one string, and optionally CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services");
            if (parameters.Count(p => p.Source == ParameterSource.Argument) != 1)
            {
                site.Found.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberParameter, site.Location, "(value)", "completion", site.Display, "string",
                    "a completion method takes exactly one string parameter: the partial value"));
            }

            var produced = MemberParser.Produced(site.Method.ReturnType, out var awaited);
            if (produced is null || produced.SpecialType == SpecialType.System_String
                || MemberParser.EnumerableElement(produced) is not { SpecialType: SpecialType.System_String })
            {
                site.UnsupportedReturnType("Completion", "IEnumerable<string> (or an array or list of strings)");
            }

            return new CompletionModel(argument, prompt, template, target, parameters.ToEquatableArray(), awaited, site.Location, site.Found.ToEquatableArray());
        }
    }
}

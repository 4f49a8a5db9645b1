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
            var site = MemberSite.From(context, cancellationToken);

            var name = site.FirstArgument ?? ToolNaming.ToSnakeCase(site.Method.Name);
            var description = site.Description;
            site.CheckNameAndDescription("Prompt", name, description);

            var target = site.Target();
            var parameters = site.Parameters(
                "prompt",
                "prompt arguments are strings; prompt methods may also take CancellationToken, IServiceProvider, McpServer, CallerIdentity or [FromServices] services");

            var produced = MemberParser.Produced(site.Method.ReturnType, out var awaited);
            if (produced is null || !IsSupported(produced))
            {
                site.UnsupportedReturnType("Prompt", Returns);
            }

            return new PromptModel(
                name,
                site.Named("Title"),
                description,
                target,
                parameters.ToEquatableArray(),
                awaited,
                site.Location,
                site.Found.ToEquatableArray());
        }

        private static bool IsSupported(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String
            || ReturnParser.DerivesFrom(type, McpAttributeNames.PromptMessage)
            || ReturnParser.DerivesFrom(type, McpAttributeNames.GetPromptResult)
            || (MemberParser.EnumerableElement(type) is { } element && ReturnParser.DerivesFrom(element, McpAttributeNames.PromptMessage));
    }
}

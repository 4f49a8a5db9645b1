using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using McpPlatform.Generators.Emitting;
using McpPlatform.Generators.Model;
using McpPlatform.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpPlatform.Generators
{
    /// <summary>
    /// Finds [McpTool] methods and emits, at compile time, their schemas, argument binding,
    /// invocation and result conversion as GeneratedMcpTool classes in one catalog.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class McpToolGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names the tests use to prove unchanged input hits the cache.</summary>
        public static class Steps
        {
            public const string Tools = "McpPlatform.Tools";
            public const string HostingReferenced = "McpPlatform.HostingReferenced";
            public const string Catalog = "McpPlatform.Catalog";
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var tools = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    McpAttributeNames.McpTool,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ToolParser.Parse(ctx, ct))
                .WithTrackingName(Steps.Tools);

            var hostingReferenced = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(McpAttributeNames.GeneratedMcpTool) is not null)
                .WithTrackingName(Steps.HostingReferenced);

            var catalog = tools.Collect()
                .Combine(hostingReferenced)
                .Select(static (pair, _) => new CatalogModel(pair.Left.ToEquatableArray(), pair.Right))
                .WithTrackingName(Steps.Catalog);

            context.RegisterSourceOutput(catalog, static (spc, model) => Emit(spc, model));
        }

        private static void Emit(SourceProductionContext context, CatalogModel model)
        {
            foreach (var diagnostic in model.Tools.SelectMany(t => t.Diagnostics))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            var duplicates = model.Tools.Where(t => !t.HasErrors).GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            foreach (var group in duplicates)
            {
                var methods = string.Join(", ", group.Select(t => t.ContainingType.Replace("global::", string.Empty) + "." + t.MethodName).OrderBy(m => m, StringComparer.Ordinal));
                foreach (var tool in group)
                {
                    context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DuplicateToolName, tool.Location, tool.Name, methods).ToDiagnostic());
                }
            }

            if (!model.HostingReferenced)
            {
                return;
            }

            var duplicateNames = new HashSet<string>(duplicates.Select(g => g.Key), StringComparer.Ordinal);
            var emitted = model.Tools.Where(t => !t.HasErrors && !duplicateNames.Contains(t.Name)).ToList();
            context.AddSource(CatalogEmitter.HintName, CatalogEmitter.Emit(emitted));
        }

        private sealed record CatalogModel(EquatableArray<ToolModel> Tools, bool HostingReferenced);
    }
}

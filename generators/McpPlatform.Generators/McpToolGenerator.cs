using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Emitting;
using McpPlatform.Generators.Manifest;
using McpPlatform.Generators.Model;
using McpPlatform.Generators.Parsing;
using McpPlatform.Generators.Rollback;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace McpPlatform.Generators
{
    /// <summary>
    /// Finds [McpTool] methods and emits, at compile time, their schemas, argument binding,
    /// invocation and result conversion as GeneratedMcpTool classes in one catalog, with each
    /// tool's Code Mode name and TypeScript declaration, and the governance manifest built from
    /// the tools, the AssemblyName/Version build properties and the project's appsettings.json.
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
            public const string Server = "McpPlatform.Server";
            public const string Config = "McpPlatform.Config";
            public const string Resources = "McpPlatform.Resources";
            public const string Prompts = "McpPlatform.Prompts";
            public const string Completions = "McpPlatform.Completions";
            public const string OpenApi = "McpPlatform.OpenApi";
            public const string Snippets = "McpPlatform.Snippets";
        }

        /// <summary>The additional file the governance settings are read from.</summary>
        public const string AppSettingsFileName = "appsettings.json";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var tools = MethodsWith(context, McpAttributeNames.McpTool, ToolParser.Parse, Steps.Tools);
            var resources = MethodsWith(context, McpAttributeNames.McpResource, ResourceParser.Parse, Steps.Resources);
            var prompts = MethodsWith(context, McpAttributeNames.McpPrompt, PromptParser.Parse, Steps.Prompts);
            var completions = MethodsWith(context, McpAttributeNames.McpCompletion, CompletionParser.Parse, Steps.Completions);

            var members = resources.Collect()
                .Combine(prompts.Collect())
                .Combine(completions.Collect())
                .Select(static (pair, _) => new MemberSet(pair.Left.Left.ToEquatableArray(), pair.Left.Right.ToEquatableArray(), pair.Right.ToEquatableArray()));

            var hostingReferenced = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(McpAttributeNames.GeneratedMcpTool) is not null)
                .WithTrackingName(Steps.HostingReferenced);

            var server = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => (
                    Name: Property(options.GlobalOptions, "AssemblyName"),
                    Version: Property(options.GlobalOptions, "Version")))
                .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
                .Select(static (pair, _) => new ServerInfo(pair.Left.Name ?? pair.Right ?? string.Empty, pair.Left.Version ?? "0.0.0"))
                .WithTrackingName(Steps.Server);

            var config = context.AdditionalTextsProvider
                .Where(static text => string.Equals(Path.GetFileName(text.Path), AppSettingsFileName, StringComparison.OrdinalIgnoreCase))
                .Select(static (text, ct) => AppSettingsParser.Parse(text.Path, text.GetText(ct)))
                .Collect()
                .Select(static (configs, _) => ChooseConfig(configs))
                .WithTrackingName(Steps.Config);

            // The operations of the project's OpenAPI documents, described by the build (McpPlatform.Hosting's CheckMcpOpenApi task).
            var openApi = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(OpenApiTools.FileSuffix, StringComparison.OrdinalIgnoreCase))
                .Select(static (text, ct) => new OpenApiFileModel(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
                .Collect()
                .Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(Steps.OpenApi);

            // The project's checked snippets (McpPlatform.Hosting's CheckMcpSnippets task).
            var snippets = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(SnippetTools.FileSuffix, StringComparison.OrdinalIgnoreCase))
                .Select(static (text, ct) => new SnippetFileModel(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
                .Collect()
                .Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(Steps.Snippets);

            var catalog = tools.Collect()
                .Combine(hostingReferenced)
                .Combine(server)
                .Combine(config)
                .Combine(members)
                .Combine(openApi)
                .Combine(snippets)
                .Select(static (all, _) => new CatalogModel(
                    all.Left.Left.Left.Left.Left.Left.ToEquatableArray(), all.Left.Left.Left.Left.Left.Right, all.Left.Left.Left.Left.Right, all.Left.Left.Left.Right, all.Left.Left.Right, all.Left.Right, all.Right))
                .WithTrackingName(Steps.Catalog);

            context.RegisterSourceOutput(catalog, static (spc, model) => Emit(spc, model));
        }

        /// <summary>The methods carrying <paramref name="attribute"/>, each parsed to its model, tracked as <paramref name="step"/>.</summary>
        private static IncrementalValuesProvider<T> MethodsWith<T>(
            IncrementalGeneratorInitializationContext context, string attribute, Func<GeneratorAttributeSyntaxContext, CancellationToken, T> parse, string step) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, static (node, _) => node is MethodDeclarationSyntax, parse)
                .WithTrackingName(step);

        /// <summary>A compiler-visible MSBuild property, or null when it is absent or empty.</summary>
        private static string? Property(AnalyzerConfigOptions options, string name) =>
            options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary>The project's own appsettings.json: the one nearest the root when several are passed.</summary>
        private static GovernanceConfig ChooseConfig(ImmutableArray<GovernanceConfig> configs) =>
            configs.IsDefaultOrEmpty
                ? GovernanceConfig.Defaults
                : configs.OrderBy(c => c.Path.Length).ThenBy(c => c.Path, StringComparer.Ordinal).First();

        private static void Emit(SourceProductionContext context, CatalogModel model)
        {
            // Distinct: a record two tools share reports its property diagnostics in both tools' models.
            foreach (var diagnostic in model.Config.Diagnostics.Concat(model.Tools.SelectMany(t => t.Diagnostics).Distinct()))
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

            var members = MemberChecks.Check(model.Members, diagnostic => context.ReportDiagnostic(diagnostic.ToDiagnostic()));
            var reverts = RevertLinks.Resolve(model.Tools.Where(t => !t.HasErrors).ToList(), diagnostic => context.ReportDiagnostic(diagnostic.ToDiagnostic()));
            if (!model.HostingReferenced)
            {
                return;
            }

            var duplicateNames = new HashSet<string>(duplicates.Select(g => g.Key), StringComparer.Ordinal);
            var emitted = model.Tools.Where(t => !t.HasErrors && !duplicateNames.Contains(t.Name)).ToList();
            var openApiTools = OpenApiOperations(context, model.OpenApi, emitted);
            var snippetTools = Snippets(context, model.Snippets, emitted.Select(t => t.Name).Concat(openApiTools.Select(o => o.Name)));
            context.AddSource(CatalogEmitter.HintName, CatalogEmitter.Emit(emitted, model.Server, model.Config, members, openApiTools, reverts, snippetTools));
            if (!members.IsEmpty)
            {
                context.AddSource(ResourceCatalogEmitter.HintName, ResourceCatalogEmitter.Emit(members.Resources, members.Prompts, members.Completions));
            }
        }

        /// <summary>The OpenAPI operations for the manifest; a file that cannot be read, or an operation named like a [McpTool] tool, is an error.</summary>
        private static IReadOnlyList<OpenApiTool> OpenApiOperations(SourceProductionContext context, EquatableArray<OpenApiFileModel> files, IReadOnlyList<ToolModel> tools)
        {
            var problems = new List<string>();
            var operations = OpenApiTools.Read(files, problems);
            foreach (var problem in problems)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.UnreadableOpenApiOperations, null, problem).ToDiagnostic());
            }

            var toolNames = new HashSet<string>(tools.Select(t => t.Name), StringComparer.Ordinal);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var kept = new List<OpenApiTool>();
            foreach (var operation in operations)
            {
                if (toolNames.Contains(operation.Name) || !taken.Add(operation.Name))
                {
                    context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.OpenApiToolNameTaken, null, operation.Name, operation.Method + " " + operation.Path).ToDiagnostic());
                    continue;
                }

                kept.Add(operation);
            }

            return kept;
        }

        /// <summary>The snippets for the manifest; a file that cannot be read, or a snippet tool named like another tool, is an error.</summary>
        private static IReadOnlyList<SnippetTool> Snippets(SourceProductionContext context, EquatableArray<SnippetFileModel> files, IEnumerable<string> otherTools)
        {
            var problems = new List<string>();
            var snippets = SnippetTools.Read(files, problems);
            foreach (var problem in problems)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.UnreadableSnippets, null, problem).ToDiagnostic());
            }

            var taken = new HashSet<string>(otherTools, StringComparer.Ordinal);
            var kept = new List<SnippetTool>();
            foreach (var snippet in snippets)
            {
                if (!taken.Add(snippet.Tool))
                {
                    context.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.SnippetToolNameTaken, null, snippet.Tool, snippet.Name).ToDiagnostic());
                    continue;
                }

                kept.Add(snippet);
            }

            return kept;
        }

        private sealed record CatalogModel(
            EquatableArray<ToolModel> Tools, bool HostingReferenced, ServerInfo Server, GovernanceConfig Config, MemberSet Members, EquatableArray<OpenApiFileModel> OpenApi,
            EquatableArray<SnippetFileModel> Snippets);
    }
}

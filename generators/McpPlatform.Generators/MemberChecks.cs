using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators
{
    /// <summary>Every [McpResource], [McpPrompt] and [McpCompletion] method of the compilation, as parsed.</summary>
    internal sealed record MemberSet(
        EquatableArray<ResourceModel> Resources,
        EquatableArray<PromptModel> Prompts,
        EquatableArray<CompletionModel> Completions);

    /// <summary>The resources, prompts and completion sources that are emitted: valid, unique, and (completions) pointing at something that exists.</summary>
    internal sealed record EmittedMembers(
        IReadOnlyList<ResourceModel> Resources,
        IReadOnlyList<PromptModel> Prompts,
        IReadOnlyList<CompletionModel> Completions)
    {
        public bool IsEmpty => Resources.Count == 0 && Prompts.Count == 0 && Completions.Count == 0;
    }

    /// <summary>Reports the per-method diagnostics and the ones that need every method at hand (duplicates, completion targets).</summary>
    internal static class MemberChecks
    {
        public static EmittedMembers Check(MemberSet members, Action<DiagnosticInfo> report)
        {
            foreach (var diagnostic in members.Resources.SelectMany(r => r.Diagnostics)
                .Concat(members.Prompts.SelectMany(p => p.Diagnostics))
                .Concat(members.Completions.SelectMany(c => c.Diagnostics)))
            {
                report(diagnostic);
            }

            var resources = members.Resources.Where(r => !r.HasErrors).ToList();
            var duplicated = new HashSet<ResourceModel>();
            Duplicates(resources, r => r.Uri, "URI", duplicated, report);
            Duplicates(resources, r => r.Name, "name", duplicated, report);
            resources = resources.Where(r => !duplicated.Contains(r)).ToList();

            var prompts = members.Prompts.Where(p => !p.HasErrors).ToList();
            var duplicatePrompts = prompts.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            foreach (var group in duplicatePrompts)
            {
                var methods = Methods(group.Select(p => p.Method));
                foreach (var prompt in group)
                {
                    report(DiagnosticInfo.Create(Diagnostics.DuplicatePromptName, prompt.Location, prompt.Name, methods));
                }
            }

            prompts = prompts.Where(p => !duplicatePrompts.Any(g => g.Key == p.Name)).ToList();
            var completions = members.Completions.Where(c => !c.HasErrors && TargetExists(c, resources, prompts, report)).ToList();
            var duplicateCompletions = completions
                .GroupBy(c => (c.Prompt, c.ResourceTemplate, c.Argument))
                .Where(g => g.Count() > 1)
                .ToList();
            foreach (var group in duplicateCompletions)
            {
                var methods = Methods(group.Select(c => c.Method));
                foreach (var completion in group)
                {
                    report(DiagnosticInfo.Create(Diagnostics.DuplicateCompletion, completion.Location, completion.Argument, completion.TargetDisplay, methods));
                }
            }

            completions = completions.Where(c => !duplicateCompletions.Any(g => g.Contains(c))).ToList();
            return new EmittedMembers(resources, prompts, completions);
        }

        private static bool TargetExists(CompletionModel completion, List<ResourceModel> resources, List<PromptModel> prompts, Action<DiagnosticInfo> report)
        {
            string? problem;
            if (completion.Prompt is { } promptName)
            {
                var prompt = prompts.FirstOrDefault(p => p.Name == promptName);
                problem = prompt is null
                    ? $"no prompt is named '{promptName}'{Known(prompts.Select(p => p.Name))}"
                    : prompt.Parameters.Any(p => p.Source == ParameterSource.Argument && p.Name == completion.Argument)
                        ? null
                        : $"prompt '{promptName}' has no argument '{completion.Argument}'{Known(prompt.Parameters.Where(p => p.Source == ParameterSource.Argument).Select(p => p.Name))}";
            }
            else
            {
                var resource = resources.FirstOrDefault(r => r.IsTemplated && r.Uri == completion.ResourceTemplate);
                problem = resource is null
                    ? $"no resource has the URI template '{completion.ResourceTemplate}'{Known(resources.Where(r => r.IsTemplated).Select(r => r.Uri))}"
                    : resource.Variables.Contains(completion.Argument)
                        ? null
                        : $"URI template '{completion.ResourceTemplate}' has no variable '{completion.Argument}'{Known(resource.Variables)}";
            }

            if (problem is not null)
            {
                report(DiagnosticInfo.Create(Diagnostics.CompletionTargetNotFound, completion.Location, completion.Method.ContainingType.Replace("global::", string.Empty) + "." + completion.Method.MethodName, problem));
            }

            return problem is null;
        }

        private static void Duplicates(List<ResourceModel> resources, Func<ResourceModel, string> key, string what, HashSet<ResourceModel> duplicated, Action<DiagnosticInfo> report)
        {
            foreach (var group in resources.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var methods = Methods(group.Select(r => r.Method));
                foreach (var resource in group)
                {
                    duplicated.Add(resource);
                    report(DiagnosticInfo.Create(Diagnostics.DuplicateResource, resource.Location, what, group.Key, methods));
                }
            }
        }

        private static string Methods(IEnumerable<MethodTarget> methods) =>
            string.Join(", ", methods.Select(m => m.ContainingType.Replace("global::", string.Empty) + "." + m.MethodName).OrderBy(m => m, StringComparer.Ordinal));

        private static string Known(IEnumerable<string> names)
        {
            var list = names.OrderBy(n => n, StringComparer.Ordinal).ToList();
            return list.Count == 0 ? string.Empty : " (known: " + string.Join(", ", list) + ")";
        }
    }
}

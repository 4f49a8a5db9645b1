using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Rollback
{
    /// <summary>
    /// Checks the <c>Revert = nameof(...)</c> of each tool against the other tools and resolves it to a
    /// <see cref="RevertLink"/>. The mapping rule (docs/rollback.md): each argument of the inverse is filled by
    /// name from the original call's arguments first, then from the top-level properties of its result; an
    /// optional argument found in neither is left out, a required one is an error (MCPP032).
    /// </summary>
    internal static class RevertLinks
    {
        private const int AccessRead = 1;

        public static IReadOnlyDictionary<string, RevertLink> Resolve(IReadOnlyList<ToolModel> tools, Action<DiagnosticInfo> report)
        {
            var links = new Dictionary<string, RevertLink>(StringComparer.Ordinal);
            foreach (var tool in tools.Where(t => t.Revert is not null).OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                if (tool.Access == AccessRead)
                {
                    report(DiagnosticInfo.Create(Diagnostics.RevertOnReadTool, tool.Location, tool.Name, tool.Revert!));
                    continue;
                }

                // nameof(Method) gives the method name; the inverse lives in the same class (the tool name is accepted too).
                var inverse = tools.FirstOrDefault(t => t.ContainingType == tool.ContainingType && t.MethodName == tool.Revert)
                    ?? tools.FirstOrDefault(t => t.Name == tool.Revert);
                if (inverse is null)
                {
                    report(DiagnosticInfo.Create(Diagnostics.RevertToolNotFound, tool.Location, tool.Name, tool.Revert!, tool.ContainingType.Replace("global::", string.Empty)));
                    continue;
                }

                var arguments = new HashSet<string>(Arguments(tool).Select(p => p.Name), StringComparer.Ordinal);
                var resultProperties = new HashSet<string>(ResultProperties(tool), StringComparer.Ordinal);
                var filled = new List<RevertArgument>();
                var complete = true;
                foreach (var parameter in Arguments(inverse))
                {
                    if (arguments.Contains(parameter.Name))
                    {
                        filled.Add(new RevertArgument(parameter.Name, RevertLink.FromArgument));
                    }
                    else if (resultProperties.Contains(parameter.Name))
                    {
                        filled.Add(new RevertArgument(parameter.Name, RevertLink.FromResult));
                    }
                    else if (parameter.IsRequired)
                    {
                        report(DiagnosticInfo.Create(Diagnostics.RevertArgumentUnfilled, tool.Location, tool.Name, inverse.Name, parameter.Name));
                        complete = false;
                    }
                }

                if (complete)
                {
                    links[tool.Name] = new RevertLink(inverse.Name, filled.ToEquatableArray());
                }
            }

            return links;
        }

        private static IEnumerable<ParameterModel> Arguments(ToolModel tool) =>
            tool.Parameters.Where(p => p.Source == ParameterSource.Argument);

        /// <summary>The JSON names of the top-level properties of the tool's result, when it returns an object.</summary>
        private static IEnumerable<string> ResultProperties(ToolModel tool)
        {
            if (tool.Return.Shape is not { Kind: ShapeKind.Object, ObjectKey: { } key })
            {
                return Array.Empty<string>();
            }

            var model = tool.Objects.FirstOrDefault(o => o.Key == key);
            return model is null ? Array.Empty<string>() : model.Properties.Where(p => p.IsReadable).Select(p => p.JsonName);
        }
    }
}

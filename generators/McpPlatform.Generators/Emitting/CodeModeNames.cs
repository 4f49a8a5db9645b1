using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// The JavaScript identifiers Code Mode exposes tools under: the tool name when it already is a
    /// valid identifier and no reserved word, otherwise a sanitized one. Deterministic: unchanged
    /// names are kept first, then sanitized names in ordinal order of their tools get _2, _3... on collision.
    /// </summary>
    internal static class CodeModeNames
    {
        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
        {
            "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
            "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function",
            "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package",
            "private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true",
            "try", "typeof", "undefined", "var", "void", "while", "with", "yield", "NaN", "Infinity", "__proto__",
        };

        /// <summary>Tool name → Code Mode name for every tool.</summary>
        public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> toolNames)
        {
            var names = toolNames.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names.Where(IsUsableAsIs))
            {
                assigned[name] = name;
                used.Add(name);
            }

            foreach (var name in names.Where(n => !assigned.ContainsKey(n)))
            {
                var baseName = Sanitize(name);
                var candidate = baseName;
                for (var suffix = 2; !used.Add(candidate); suffix++)
                {
                    candidate = baseName + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                assigned[name] = candidate;
            }

            return assigned;
        }

        /// <summary>A valid JavaScript identifier that is not a reserved word.</summary>
        public static bool IsUsableAsIs(string name) => IsIdentifier(name) && !Reserved.Contains(name);

        /// <summary>Invalid characters become '_', a leading digit gets a '_' in front, a reserved word a '_' behind.</summary>
        public static string Sanitize(string name)
        {
            if (name.Length == 0)
            {
                return "_";
            }

            var builder = new StringBuilder(name.Length + 1);
            foreach (var c in name)
            {
                builder.Append(IsPart(c) ? c : '_');
            }

            if (name[0] is >= '0' and <= '9')
            {
                builder.Insert(0, '_');
            }

            var sanitized = builder.ToString();
            return Reserved.Contains(sanitized) ? sanitized + "_" : sanitized;
        }

        /// <summary>ASCII identifiers only: tool names are ASCII, and it keeps the rule simple to state.</summary>
        private static bool IsIdentifier(string name) =>
            name.Length > 0 && !(name[0] is >= '0' and <= '9') && name.All(IsPart);

        private static bool IsPart(char c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$';
    }
}

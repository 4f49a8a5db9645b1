using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// Writes a tool's Code Mode declaration: JSDoc from its descriptions, then
    /// <c>name(args: { ... }): Promise&lt;Result&gt;;</c> with the real argument and result types,
    /// inlined and compact because the text is sent to the model. A recursive type is cut with
    /// <c>unknown</c> where it refers back to itself.
    /// </summary>
    internal sealed class TypeScriptWriter
    {
        private readonly Dictionary<string, ObjectModel> _objects;
        private readonly bool _forOutput;
        private readonly Stack<string> _open = new();

        private TypeScriptWriter(IEnumerable<ObjectModel> objects, bool forOutput)
        {
            _objects = objects.ToDictionary(o => o.Key, StringComparer.Ordinal);
            _forOutput = forOutput;
        }

        public static string Declaration(ToolModel tool, string codeModeName)
        {
            var arguments = tool.Parameters.Where(p => p.Source == ParameterSource.Argument).ToList();
            var builder = new StringBuilder();
            AppendDoc(builder, tool.Description, arguments);
            builder.Append(codeModeName).Append('(');
            if (arguments.Count > 0)
            {
                var input = new TypeScriptWriter(tool.Objects, forOutput: false);
                var optional = arguments.All(a => !a.IsRequired) ? "?" : string.Empty;
                var members = arguments.Select(a => Member(a.Name, !a.IsRequired, input.Type(a.Shape!)));
                builder.Append("args").Append(optional).Append(": { ").Append(string.Join("; ", members)).Append(" }");
            }

            builder.Append("): Promise<").Append(new TypeScriptWriter(tool.Objects, forOutput: true).Result(tool.Return)).Append(">;");
            return builder.ToString();
        }

        private string Result(ReturnModel returns) => returns.Kind switch
        {
            ReturnKind.Void => "void",
            ReturnKind.String => returns.Shape?.IsNullable == true ? "string | null" : "string",
            ReturnKind.Content or ReturnKind.ContentList or ReturnKind.CallToolResult => "unknown",
            _ => returns.Shape is null ? "unknown" : Type(returns.Shape),
        };

        private string Type(TypeShape shape)
        {
            var type = NonNull(shape);
            return shape.IsNullable ? type + " | null" : type;
        }

        private string NonNull(TypeShape shape)
        {
            switch (shape.Kind)
            {
                case ShapeKind.String:
                case ShapeKind.Uuid:
                case ShapeKind.DateTime:
                    return "string";
                case ShapeKind.Integer:
                case ShapeKind.Number:
                    return "number";
                case ShapeKind.Boolean:
                    return "boolean";
                case ShapeKind.Enum:
                    return shape.EnumMembers.Count == 0 ? "string" : string.Join(" | ", shape.EnumMembers.Select(Quote));
                case ShapeKind.Array:
                    return Grouped(shape.Element!) + "[]";
                case ShapeKind.Dictionary:
                    return "Record<string, " + Type(shape.Element!) + ">";
                case ShapeKind.Object:
                    return InlineObject(shape.ObjectKey!);
                default:
                    return "unknown";
            }
        }

        /// <summary>An element type, parenthesised when it is a union so <c>[]</c> applies to all of it.</summary>
        private string Grouped(TypeShape element)
        {
            var type = Type(element);
            return type.Contains(" | ") ? "(" + type + ")" : type;
        }

        private string InlineObject(string key)
        {
            if (_open.Contains(key) || !_objects.TryGetValue(key, out var model))
            {
                return "unknown";
            }

            _open.Push(key);
            var members = model.Properties
                .Where(p => _forOutput ? p.IsReadable : p.IsBindable)
                .Select(p => Member(p.JsonName, _forOutput ? p.Omission != PropertyOmission.Never : !p.IsRequired, Type(p.Shape)))
                .ToList();
            _open.Pop();
            return members.Count == 0 ? "{}" : "{ " + string.Join("; ", members) + " }";
        }

        private static string Member(string name, bool optional, string type) =>
            (CodeModeNames.IsUsableAsIs(name) ? name : Quote(name)) + (optional ? "?: " : ": ") + type;

        private static string Quote(string text) => Json.JsonTextWriter.Quote(text);

        private static void AppendDoc(StringBuilder builder, string? description, IReadOnlyList<ParameterModel> arguments)
        {
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(description))
            {
                lines.Add(Clean(description!));
            }

            foreach (var argument in arguments.Where(a => !string.IsNullOrWhiteSpace(a.Description)))
            {
                lines.Add("@param args." + argument.Name + " " + Clean(argument.Description!));
            }

            if (lines.Count > 0)
            {
                builder.Append("/** ").Append(string.Join("\n * ", lines)).Append(" */\n");
            }
        }

        /// <summary>One JSDoc line: inner line breaks continue the comment, and "*/" cannot end it early.</summary>
        private static string Clean(string text) =>
            string.Join("\n * ", text.Trim().Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()))
                .Replace("*/", "*\\/");
    }
}

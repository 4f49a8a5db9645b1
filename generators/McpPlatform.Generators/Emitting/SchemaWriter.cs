using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;
using McpPlatform.Generators.Parsing;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// Writes JSON Schema 2020-12 text for a tool's arguments and structured result. Records and
    /// classes go into $defs under their camelCase type name and are referenced with $ref, which
    /// keeps the text small and makes recursive types legal. Output is deterministic.
    /// </summary>
    internal sealed class SchemaWriter
    {
        private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
        private readonly Dictionary<string, ObjectModel> _objects;
        private readonly bool _forOutput;
        private Dictionary<string, string> _definitionNames = new(StringComparer.Ordinal);

        private SchemaWriter(IEnumerable<ObjectModel> objects, bool forOutput)
        {
            _objects = objects.ToDictionary(o => o.Key, StringComparer.Ordinal);
            _forOutput = forOutput;
        }

        public static string InputSchema(ToolModel tool)
        {
            var writer = new SchemaWriter(tool.Objects, forOutput: false);
            var arguments = tool.Parameters.Where(p => p.Source == ParameterSource.Argument).ToList();
            writer.NameDefinitions(arguments.Select(p => p.Shape!));
            var properties = arguments.Select(p => (p.Name, Schema: writer.Property(p.Shape!, p.Description, p.DefaultJson)));
            var required = arguments.Where(p => p.IsRequired).Select(p => p.Name);
            return writer.Root(properties, required, description: null);
        }

        public static string? OutputSchema(ToolModel tool)
        {
            var shape = tool.Return.Shape;
            if (tool.Return.Kind != ReturnKind.Json || shape is null || shape.Kind != ShapeKind.Object)
            {
                return null;
            }

            var writer = new SchemaWriter(tool.Objects, forOutput: true);
            var root = writer._objects[shape.ObjectKey!];
            var members = writer.Members(root).ToList();
            writer.NameDefinitions(members.Select(m => m.Shape));
            return writer.Root(
                members.Select(m => (m.JsonName, writer.Property(m.Shape, m.Description, m.DefaultJson))),
                members.Where(m => writer.IsRequired(m)).Select(m => m.JsonName),
                root.Description);
        }

        private string Root(IEnumerable<(string Name, string Schema)> properties, IEnumerable<string> required, string? description)
        {
            var builder = new StringBuilder();
            builder.Append("{\"$schema\":").Append(JsonTextWriter.Quote(Dialect)).Append(",\"type\":\"object\"");
            AppendDescription(builder, description);
            AppendObjectBody(builder, properties, required);
            if (_definitionNames.Count > 0)
            {
                builder.Append(",\"$defs\":{");
                var first = true;
                foreach (var pair in _definitionNames.OrderBy(p => p.Value, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",").Append(JsonTextWriter.Quote(pair.Value)).Append(':').Append(Definition(_objects[pair.Key]));
                    first = false;
                }

                builder.Append('}');
            }

            return builder.Append('}').ToString();
        }

        private string Definition(ObjectModel model)
        {
            var builder = new StringBuilder("{\"type\":\"object\"");
            AppendDescription(builder, model.Description);
            var members = Members(model).ToList();
            AppendObjectBody(
                builder,
                members.Select(m => (m.JsonName, Property(m.Shape, m.Description, m.DefaultJson))),
                members.Where(IsRequired).Select(m => m.JsonName));
            return builder.Append('}').ToString();
        }

        private static void AppendObjectBody(StringBuilder builder, IEnumerable<(string Name, string Schema)> properties, IEnumerable<string> required)
        {
            builder.Append(",\"properties\":{")
                .Append(string.Join(",", properties.Select(p => JsonTextWriter.Quote(p.Name) + ":" + p.Schema)))
                .Append('}');
            var requiredNames = required.ToList();
            if (requiredNames.Count > 0)
            {
                builder.Append(",\"required\":[").Append(string.Join(",", requiredNames.Select(JsonTextWriter.Quote))).Append(']');
            }

            builder.Append(",\"additionalProperties\":false");
        }

        private IEnumerable<PropertyModel> Members(ObjectModel model) =>
            model.Properties.Where(p => _forOutput ? p.IsReadable : p.IsBindable);

        private bool IsRequired(PropertyModel property) =>
            _forOutput ? !property.Shape.IsNullable && property.Omission == PropertyOmission.Never : property.IsRequired;

        private string Property(TypeShape shape, string? description, string? defaultJson)
        {
            var schema = Shape(shape);
            var extra = new StringBuilder();
            AppendDescription(extra, description);
            if (defaultJson is not null)
            {
                extra.Append(",\"default\":").Append(defaultJson);
            }

            return extra.Length == 0 ? schema : schema.Substring(0, schema.Length - 1) + extra + "}";
        }

        private string Shape(TypeShape shape) => shape.Kind switch
        {
            ShapeKind.String => Typed("string", shape.IsNullable),
            ShapeKind.Integer => Typed("integer", shape.IsNullable),
            ShapeKind.Number => Typed("number", shape.IsNullable),
            ShapeKind.Boolean => Typed("boolean", shape.IsNullable),
            ShapeKind.Uuid => Typed("string", shape.IsNullable, ",\"format\":\"uuid\""),
            ShapeKind.DateTime => Typed("string", shape.IsNullable, ",\"format\":\"date-time\""),
            ShapeKind.Enum => Typed("string", shape.IsNullable,
                ",\"enum\":[" + string.Join(",", shape.EnumMembers.Select(JsonTextWriter.Quote).Concat(shape.IsNullable ? new[] { "null" } : Array.Empty<string>())) + "]"),
            ShapeKind.Array => Typed("array", shape.IsNullable, ",\"items\":" + Shape(shape.Element!)),
            ShapeKind.Dictionary => Typed("object", shape.IsNullable, ",\"additionalProperties\":" + Shape(shape.Element!)),
            ShapeKind.Object => shape.IsNullable
                ? "{\"anyOf\":[" + Reference(shape) + ",{\"type\":\"null\"}]}"
                : Reference(shape),
            _ => "{}",
        };

        private string Reference(TypeShape shape) =>
            "{\"$ref\":" + JsonTextWriter.Quote("#/$defs/" + _definitionNames[shape.ObjectKey!]) + "}";

        private static string Typed(string type, bool nullable, string rest = "") =>
            "{\"type\":" + (nullable ? "[" + JsonTextWriter.Quote(type) + ",\"null\"]" : JsonTextWriter.Quote(type)) + rest + "}";

        private static void AppendDescription(StringBuilder builder, string? description)
        {
            if (!string.IsNullOrEmpty(description))
            {
                builder.Append(",\"description\":").Append(JsonTextWriter.Quote(description!));
            }
        }

        /// <summary>Finds the objects reachable from the roots and gives each a unique camelCase definition name.</summary>
        private void NameDefinitions(IEnumerable<TypeShape> roots)
        {
            var reachable = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<TypeShape>(roots);
            while (pending.Count > 0)
            {
                var shape = pending.Pop();
                if (shape.Element is not null)
                {
                    pending.Push(shape.Element);
                }

                if (shape.ObjectKey is { } key && reachable.Add(key))
                {
                    foreach (var member in Members(_objects[key]))
                    {
                        pending.Push(member.Shape);
                    }
                }
            }

            _definitionNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in reachable.OrderBy(k => _objects[k].SimpleName, StringComparer.Ordinal).ThenBy(k => k, StringComparer.Ordinal))
            {
                var baseName = ToolNaming.ToCamelCase(_objects[key].SimpleName);
                var name = baseName;
                for (var suffix = 2; !used.Add(name); suffix++)
                {
                    name = baseName + suffix;
                }

                _definitionNames[key] = name;
            }
        }
    }
}

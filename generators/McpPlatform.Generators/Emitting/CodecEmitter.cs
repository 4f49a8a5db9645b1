using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using McpPlatform.Generators.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// Emits the expressions and per-type methods that read arguments from JSON and write results
    /// to JSON, with no reflection: one Read_/Write_ pair per record or class.
    /// </summary>
    internal sealed class CodecEmitter
    {
        private readonly Dictionary<string, ObjectModel> _objects;
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        public CodecEmitter(IEnumerable<ObjectModel> objects)
        {
            _objects = new Dictionary<string, ObjectModel>(StringComparer.Ordinal);
            foreach (var model in objects)
            {
                _objects[model.Key] = model;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in _objects.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                var baseId = ToolNaming.ToIdentifier(key.Replace("global::", string.Empty));
                var id = baseId;
                for (var n = 2; !used.Add(id); n++)
                {
                    id = baseId + "_" + n;
                }

                _ids[key] = id;
            }
        }

        /// <summary>An expression reading <paramref name="element"/> as the shape; JSON null only where the type allows it.</summary>
        public string Read(TypeShape shape, string element, string path, int depth = 0)
        {
            var read = ReadNonNull(shape, element, path, depth);
            return shape.IsNullable
                ? $"{Names.Reader}.IsNull({element}) ? null : ({shape.NullableTypeName}){read}"
                : read;
        }

        private string ReadNonNull(TypeShape shape, string element, string path, int depth)
        {
            switch (shape.Kind)
            {
                case ShapeKind.Enum:
                    return $"{Names.Reader}.ReadEnum<{shape.TypeName}>({element}, {path})";
                case ShapeKind.Array:
                    var item = "item" + depth;
                    var itemPath = "itemPath" + depth;
                    var method = shape.Collection == CollectionKind.List ? "ReadList" : "ReadArray";
                    return $"{Names.Reader}.{method}<{shape.Element!.NullableTypeName}>({element}, {path}, static ({item}, {itemPath}) => {Read(shape.Element, item, itemPath, depth + 1)})";
                case ShapeKind.Object:
                    return $"Read_{_ids[shape.ObjectKey!]}({element}, {path})";
                case ShapeKind.Dictionary:
                    var entry = "entry" + depth;
                    var value = Read(shape.Element!, entry + ".Value", $"{path} + \".\" + {entry}.Name", depth + 1);
                    return $"global::System.Linq.Enumerable.ToDictionary({Names.Reader}.ReadObject({element}, {path}).EnumerateObject(), static {entry} => {entry}.Name, {entry} => {value}, global::System.StringComparer.Ordinal)";
                default:
                    return $"{Names.Reader}.{shape.ReaderMethod}({element}, {path})";
            }
        }

        /// <summary>Statements writing <paramref name="value"/> to the Utf8JsonWriter named <c>writer</c>.</summary>
        public void Write(CodeWriter code, TypeShape shape, string value, int depth = 0)
        {
            var checkNull = shape.IsNullable || !IsValueType(shape);
            if (!checkNull)
            {
                WriteNonNull(code, shape, value, depth);
                return;
            }

            code.Open($"if ({value} is null)").Line("writer.WriteNullValue();").Close();
            code.Open("else");
            WriteNonNull(code, shape, shape.IsNullableValueType ? value + ".Value" : value, depth);
            code.Close();
        }

        private void WriteNonNull(CodeWriter code, TypeShape shape, string value, int depth)
        {
            switch (shape.Kind)
            {
                case ShapeKind.String:
                case ShapeKind.Uuid:
                case ShapeKind.DateTime:
                    code.Line($"writer.WriteStringValue({value});");
                    break;
                case ShapeKind.Enum:
                    code.Line($"writer.WriteStringValue({value}.ToString());");
                    break;
                case ShapeKind.Boolean:
                    code.Line($"writer.WriteBooleanValue({value});");
                    break;
                case ShapeKind.Integer:
                case ShapeKind.Number:
                    code.Line($"writer.WriteNumberValue({value});");
                    break;
                case ShapeKind.Array:
                    var item = "item" + depth;
                    code.Line("writer.WriteStartArray();");
                    code.Open($"foreach (var {item} in {value})");
                    Write(code, shape.Element!, item, depth + 1);
                    code.Close();
                    code.Line("writer.WriteEndArray();");
                    break;
                case ShapeKind.Object:
                    code.Line($"Write_{_ids[shape.ObjectKey!]}(writer, {value});");
                    break;
                case ShapeKind.Dictionary:
                    var entry = "entry" + depth;
                    code.Line("writer.WriteStartObject();");
                    code.Open($"foreach (var {entry} in {value})");
                    code.Line($"writer.WritePropertyName({entry}.Key);");
                    Write(code, shape.Element!, entry + ".Value", depth + 1);
                    code.Close();
                    code.Line("writer.WriteEndObject();");
                    break;
            }
        }

        public bool IsValueType(TypeShape shape) => shape.Kind switch
        {
            ShapeKind.String or ShapeKind.Array or ShapeKind.Dictionary => false,
            ShapeKind.Object => _objects[shape.ObjectKey!].IsValueType,
            _ => true,
        };

        /// <summary>The Read_/Write_ methods of every record and class, sorted by type name.</summary>
        public void EmitMethods(CodeWriter code)
        {
            foreach (var model in _objects.Values.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                EmitReader(code, model);
                code.Line();
                EmitWriter(code, model);
                code.Line();
            }
        }

        private void EmitReader(CodeWriter code, ObjectModel model)
        {
            var bindable = model.Properties.Where(p => p.Binding != PropertyBinding.None).ToList();

            // The properties the schema lists (additionalProperties: false): any other is refused with this list.
            var accepted = bindable.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", bindable.Select(p => Names.Verbatim(p.JsonName))) + " }";
            code.Line($"private static readonly string[] Properties_{_ids[model.Key]} = {accepted};");
            code.Line();
            code.Open($"private static {model.TypeName} Read_{_ids[model.Key]}({Names.JsonElement} element, string path)");
            code.Line($"{Names.Reader}.ReadObject(element, path, Properties_{_ids[model.Key]});");
            foreach (var property in bindable.Where(p => p.Binding is PropertyBinding.Constructor or PropertyBinding.RequiredInit))
            {
                var argument = model.ConstructorArguments.FirstOrDefault(a => a.ClrName == property.ClrName);
                var fallback = property.IsRequired
                    ? Missing(property)
                    : argument?.DefaultLiteral ?? (property.Shape.IsNullable ? "null" : "default!");
                code.Line($"{property.Shape.NullableTypeName} v_{property.ClrName} = {Lookup(property)} ? {ReadProperty(property)} : {fallback};");
            }

            var withInit = !(model.IsRecord || model.IsValueType);
            var arguments = string.Join(", ", model.ConstructorArguments.Select(a => a.IgnoredValue ?? "v_" + a.ClrName));
            var requiredInits = bindable
                .Where(p => p.Binding == PropertyBinding.RequiredInit)
                .Select(p => $"{p.ClrName} = v_{p.ClrName}")
                .ToList();
            var optionalInits = withInit ? bindable.Where(p => p.Binding == PropertyBinding.OptionalInit).ToList() : new List<PropertyModel>();
            if (optionalInits.Any(p => p.IsReadable))
            {
                // Init-only properties can only be set in the initializer: an absent one keeps the value a plain construction gives it.
                code.Line($"var defaults = new {model.TypeName}({arguments}){Initializer(requiredInits)};");
            }

            var initializers = requiredInits
                .Concat(optionalInits.Select(p =>
                    $"{p.ClrName} = {Lookup(p)} ? {ReadProperty(p)} : {(p.IsRequired ? Missing(p) : p.IsReadable ? "defaults." + p.ClrName : "default!")}"))
                .ToList();
            code.Line($"var result = new {model.TypeName}({arguments}){Initializer(initializers)};");
            foreach (var property in bindable.Where(p => p.Binding == PropertyBinding.Setter || (!withInit && p.Binding == PropertyBinding.OptionalInit)))
            {
                var read = ReadProperty(property);
                var assign = property.Binding == PropertyBinding.Setter
                    ? $"result.{property.ClrName} = {read};"
                    : $"result = result with {{ {property.ClrName} = {read} }};";
                if (property.IsRequired)
                {
                    // [JsonRequired] on a settable property: absent is refused as for constructor parameters.
                    code.Line($"if (!{Lookup(property)}) {Missing(property)};");
                    code.Line(assign);
                }
                else
                {
                    code.Line($"if ({Lookup(property)}) {assign}");
                }
            }

            code.Line("return result;");
            code.Close();
        }

        private static string Initializer(IReadOnlyList<string> assignments) =>
            assignments.Count == 0 ? string.Empty : " { " + string.Join(", ", assignments) + " }";

        private static string Lookup(PropertyModel property) =>
            $"{Names.Reader}.TryGetProperty(element, {Literal(property.JsonName)}, out var e_{property.ClrName})";

        private string ReadProperty(PropertyModel property) => Read(property.Shape, "e_" + property.ClrName, PathOf(property));

        private static string Missing(PropertyModel property) =>
            $"throw {Names.Reader}.Missing({PathOf(property)}, {ShapeDescriptions.ExpectedLiteral(property.Shape)})";

        /// <summary>The argument path of a property, for error messages: <c>path + ".name"</c>.</summary>
        private static string PathOf(PropertyModel property) => "path + " + Literal("." + property.JsonName);

        /// <summary>A C# string literal: [JsonPropertyName] may hold quotes and backslashes.</summary>
        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        private void EmitWriter(CodeWriter code, ObjectModel model)
        {
            code.Open($"private static void Write_{_ids[model.Key]}({Names.JsonWriter} writer, {model.TypeName} value)");
            code.Line("writer.WriteStartObject();");
            foreach (var property in model.Properties.Where(p => p.IsReadable))
            {
                var omitted = property.Omission switch
                {
                    PropertyOmission.WhenNull => $"value.{property.ClrName} is not null",
                    PropertyOmission.WhenDefault => $"!global::System.Collections.Generic.EqualityComparer<{property.Shape.NullableTypeName}>.Default.Equals(value.{property.ClrName}, default!)",
                    _ => null,
                };
                if (omitted is not null)
                {
                    code.Open($"if ({omitted})");
                }

                code.Line($"writer.WritePropertyName({Literal(property.JsonName)});");
                Write(code, property.Shape, "value." + property.ClrName);
                if (omitted is not null)
                {
                    code.Close();
                }
            }

            code.Line("writer.WriteEndObject();");
            code.Close();
        }
    }
}

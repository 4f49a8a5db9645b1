using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>System.Text.Json's <c>JsonIgnoreCondition</c>, by value (the generator does not reference System.Text.Json).</summary>
    internal enum JsonIgnoreCondition
    {
        /// <summary>No [JsonIgnore], or Condition = Never.</summary>
        Never = 0,
        Always = 1,
        WhenWritingDefault = 2,
        WhenWritingNull = 3,
        WhenWriting = 4,
        WhenReading = 5,
    }

    /// <summary>
    /// The System.Text.Json attributes on one property, read by metadata name. The generated code reads
    /// and writes JSON without System.Text.Json, so it has to honour these itself to say in the schema
    /// what a JsonSerializer user expects.
    /// </summary>
    internal sealed class JsonPropertyAttributes
    {
        private JsonPropertyAttributes(string? name, JsonIgnoreCondition ignore, bool required, bool extensionData, string? converter, bool include)
        {
            Name = name;
            Ignore = ignore;
            IsRequired = required;
            IsExtensionData = extensionData;
            Converter = converter;
            HasInclude = include;
        }

        /// <summary>The [JsonPropertyName] name, or null.</summary>
        public string? Name { get; }

        public JsonIgnoreCondition Ignore { get; }

        /// <summary>[JsonRequired]: the caller must send it, whatever its C# default.</summary>
        public bool IsRequired { get; }

        public bool IsExtensionData { get; }

        /// <summary>The converter type of a [JsonConverter] other than the string enum converter, or null.</summary>
        public string? Converter { get; }

        public bool HasInclude { get; }

        /// <summary>Never read from arguments: [JsonIgnore] (Always) or Condition = WhenReading.</summary>
        public bool IgnoredOnRead => Ignore is JsonIgnoreCondition.Always or JsonIgnoreCondition.WhenReading;

        public static JsonPropertyAttributes Of(ISymbol property)
        {
            string? name = null;
            var ignore = JsonIgnoreCondition.Never;
            var required = false;
            var extensionData = false;
            string? converter = null;
            var include = false;
            foreach (var attribute in property.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case McpAttributeNames.JsonPropertyName:
                        name = attribute.ConstructorArguments.FirstOrDefault().Value as string;
                        break;
                    case McpAttributeNames.JsonIgnore:
                        var condition = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value;
                        ignore = condition.Value is int value && Enum.IsDefined(typeof(JsonIgnoreCondition), value)
                            ? (JsonIgnoreCondition)value
                            : JsonIgnoreCondition.Always;
                        break;
                    case McpAttributeNames.JsonRequired:
                        required = true;
                        break;
                    case McpAttributeNames.JsonExtensionData:
                        extensionData = true;
                        break;
                    case McpAttributeNames.JsonConverter:
                        converter = ConverterOf(attribute);
                        break;
                    case McpAttributeNames.JsonInclude:
                        include = true;
                        break;
                }
            }

            return new JsonPropertyAttributes(name, ignore, required, extensionData, converter, include);
        }

        /// <summary>A [JsonConverter] on a type, when it is one the generated code would not apply.</summary>
        public static string? ConverterOn(ISymbol type) =>
            type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.JsonConverter)
                .Select(ConverterOf)
                .FirstOrDefault(c => c is not null);

        /// <summary>
        /// The converter's name, or null for the string enum converter: the generated code already reads
        /// and writes enums as their member names.
        /// </summary>
        private static string? ConverterOf(AttributeData attribute)
        {
            var type = attribute.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol;
            var name = type?.OriginalDefinition.ToDisplayString() ?? "a converter";
            return name.StartsWith(McpAttributeNames.JsonStringEnumConverter, StringComparison.Ordinal) ? null : name;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>
    /// How System.Text.Json attributes on the properties of argument and result types shape their JSON,
    /// and the diagnostics for the ones generated code cannot honour.
    /// </summary>
    internal sealed partial class TypeShapeParser
    {
        private const string ConverterHint = "the JSON follows the properties the schema lists; remove the attribute, or expose the converted form as a property of a supported type";

        private const string IncludeHint = "only public properties are written, and only public setters, init accessors and constructor parameters are read; make it one of those or remove the attribute";

        private const string EnumMemberHint = "enum values are sent, accepted and listed in the schema as their C# member names; rename the member or remove the attribute";

        private readonly List<DiagnosticInfo> _diagnostics = new();

        /// <summary>What the records and classes reached so far declare that their JSON cannot have.</summary>
        public IReadOnlyList<DiagnosticInfo> ReportedDiagnostics => _diagnostics;

        /// <summary>The [JsonPropertyName] name, or the camelCase name every other property gets.</summary>
        private static string JsonNameOf(IPropertySymbol property, JsonPropertyAttributes attributes) =>
            attributes.Name ?? ToolNaming.ToCamelCase(property.Name);

        /// <summary>False for a property JSON never sees ([JsonIgnore], [JsonExtensionData]); reports what cannot be honoured.</summary>
        private bool AcceptJsonAttributes(IPropertySymbol property, JsonPropertyAttributes attributes, string display)
        {
            if (attributes.IgnoredOnRead && property.IsRequired)
            {
                Report(Diagnostics.RequiredPropertyIgnored, property, property.Name, display);
            }

            if (attributes.Ignore == JsonIgnoreCondition.Always)
            {
                return false;
            }

            if (attributes.IsExtensionData)
            {
                Report(Diagnostics.UnsupportedExtensionData, property, property.Name, display);
                return false;
            }

            if (attributes.Converter is { } converter)
            {
                Report(Diagnostics.IneffectiveJsonAttribute, property, $"[JsonConverter(typeof({converter}))]", display + "." + property.Name, ConverterHint);
            }

            if (attributes.HasInclude && property.SetMethod is { DeclaredAccessibility: not Accessibility.Public })
            {
                Report(Diagnostics.IneffectiveJsonAttribute, property, "[JsonInclude]", display + "." + property.Name, IncludeHint);
            }

            return true;
        }

        /// <summary>
        /// When a result leaves the property out. A non-nullable value type is never null, so WhenWritingNull
        /// never omits it; WhenWritingDefault omits null for the others.
        /// </summary>
        private static PropertyOmission OmissionOf(ITypeSymbol type, JsonIgnoreCondition ignore)
        {
            var nonNullableValue = type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
            return ignore switch
            {
                JsonIgnoreCondition.WhenWritingNull => nonNullableValue ? PropertyOmission.Never : PropertyOmission.WhenNull,
                JsonIgnoreCondition.WhenWritingDefault => nonNullableValue ? PropertyOmission.WhenDefault : PropertyOmission.WhenNull,
                _ => PropertyOmission.Never,
            };
        }

        /// <summary>Two properties one JSON name: the schema could not list both, and the reader matches names ignoring case.</summary>
        private void ReportDuplicateJsonNames(List<PropertyModel> properties, List<IPropertySymbol> symbols, string display)
        {
            var seen = new Dictionary<string, PropertyModel>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in properties.Where(p => p.IsReadable || p.IsBindable))
            {
                if (seen.TryGetValue(property.JsonName, out var first))
                {
                    Report(Diagnostics.DuplicateJsonName, symbols.First(s => s.Name == property.ClrName), first.ClrName, property.ClrName, display, property.JsonName);
                }
                else
                {
                    seen.Add(property.JsonName, property);
                }
            }
        }

        /// <summary>[JsonInclude] on a field or a non-public property: System.Text.Json would read and write it, the schema cannot.</summary>
        private void ReportIneffectiveInclude(INamedTypeSymbol type, string display)
        {
            foreach (var member in type.GetMembers().Where(m => !m.IsStatic && !m.IsImplicitlyDeclared))
            {
                var hidden = member is IFieldSymbol || (member is IPropertySymbol && member.DeclaredAccessibility != Accessibility.Public);
                if (hidden && JsonPropertyAttributes.Of(member).HasInclude)
                {
                    Report(Diagnostics.IneffectiveJsonAttribute, member, "[JsonInclude]", display + "." + member.Name, IncludeHint);
                }
            }
        }

        /// <summary>[JsonStringEnumMemberName]: enum values are read and written as their member names.</summary>
        private void ReportEnumMemberNames(ITypeSymbol type)
        {
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.JsonStringEnumMemberName))
                {
                    Report(Diagnostics.IneffectiveJsonAttribute, field, "[JsonStringEnumMemberName]", type.Name + "." + field.Name, EnumMemberHint);
                }
            }
        }

        private void Report(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(symbol.Locations.FirstOrDefault()), arguments));
    }
}

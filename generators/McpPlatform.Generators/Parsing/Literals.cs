using System;
using System.Globalization;
using System.Linq;
using McpPlatform.Generators.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Default values as C# source and as JSON, from a parameter's constant.</summary>
    internal static class Literals
    {
        public static string CSharp(object? value, ITypeSymbol type)
        {
            if (value is null)
            {
                return type.IsValueType && !IsNullableValueType(type) ? "default" : "null";
            }

            var target = Underlying(type);
            if (target.TypeKind == TypeKind.Enum)
            {
                return "(" + target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
            }

            return value switch
            {
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                bool b => b ? "true" : "false",
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
                double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
                decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
                long l => l.ToString(CultureInfo.InvariantCulture) + "L",
                ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
                uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
                _ => "(" + target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")" + Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        /// <summary>The default as JSON, or null when the schema cannot state it (<c>default</c> of a non-nullable struct, an enum value with no member).</summary>
        public static string? Json(object? value, ITypeSymbol type)
        {
            if (value is null)
            {
                // "default": null would contradict the property's own non-null type.
                return type.IsValueType && !IsNullableValueType(type) ? null : "null";
            }

            var target = Underlying(type);
            if (target.TypeKind == TypeKind.Enum)
            {
                var member = target.GetMembers().OfType<IFieldSymbol>()
                    .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                return member is null ? null : JsonTextWriter.Quote(member.Name);
            }

            return value switch
            {
                string s => JsonTextWriter.Quote(s),
                bool b => b ? "true" : "false",
                char c => JsonTextWriter.Quote(c.ToString()),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => "null",
            };
        }

        private static bool IsNullableValueType(ITypeSymbol type) =>
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            IsNullableValueType(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
    }
}

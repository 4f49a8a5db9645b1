using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Emitting
{
    /// <summary>
    /// What a missing argument should have been, worded like JsonArgumentReader's type errors,
    /// as a C# string literal for the generated error.
    /// </summary>
    internal static class ShapeDescriptions
    {
        public static string ExpectedLiteral(TypeShape shape) => SymbolDisplay.FormatLiteral(Expected(shape), quote: true);

        private static string Expected(TypeShape shape) => shape.Kind switch
        {
            ShapeKind.String => "a string",
            ShapeKind.Integer => "an integer",
            ShapeKind.Number => "a number",
            ShapeKind.Boolean => "a boolean",
            ShapeKind.Enum => "one of " + string.Join(", ", shape.EnumMembers),
            ShapeKind.Uuid => "a UUID string",
            ShapeKind.DateTime => "a date-time string (RFC 3339)",
            ShapeKind.Array => "an array",
            _ => "an object",
        };
    }
}

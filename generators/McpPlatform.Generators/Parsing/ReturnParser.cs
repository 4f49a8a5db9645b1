using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Classifies what a tool method returns, after unwrapping Task and ValueTask.</summary>
    internal static class ReturnParser
    {
        public static ReturnModel? Parse(ITypeSymbol returnType, TypeShapeParser shapes)
        {
            var awaited = false;
            var type = returnType;
            var definition = type.OriginalDefinition.ToDisplayString();
            if (definition is "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask")
            {
                return new ReturnModel(ReturnKind.Void, true, null);
            }

            if (definition is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>")
            {
                awaited = true;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }

            if (type.SpecialType == SpecialType.System_Void)
            {
                return new ReturnModel(ReturnKind.Void, awaited, null);
            }

            if (DerivesFrom(type, McpAttributeNames.CallToolResult))
            {
                return new ReturnModel(ReturnKind.CallToolResult, awaited, null);
            }

            if (DerivesFrom(type, McpAttributeNames.ContentBlock))
            {
                return new ReturnModel(ReturnKind.Content, awaited, null);
            }

            var element = TypeShapeParser.ElementType(type, out _);
            if (element is not null && DerivesFrom(element, McpAttributeNames.ContentBlock))
            {
                return new ReturnModel(ReturnKind.ContentList, awaited, null);
            }

            var shape = shapes.Parse(type);
            if (shape is null)
            {
                return null;
            }

            var kind = shape.Kind switch
            {
                ShapeKind.String => ReturnKind.String,
                ShapeKind.Boolean => ReturnKind.Boolean,
                ShapeKind.Integer or ShapeKind.Number => ReturnKind.Number,
                ShapeKind.Enum or ShapeKind.Uuid or ShapeKind.DateTime => ReturnKind.TextScalar,
                _ => ReturnKind.Json,
            };
            return new ReturnModel(kind, awaited, shape);
        }

        internal static bool DerivesFrom(ITypeSymbol type, string metadataName)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == metadataName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

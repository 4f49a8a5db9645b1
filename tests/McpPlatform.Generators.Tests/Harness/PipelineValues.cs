using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// Walks values cached between generator runs and finds compiler objects in them. A symbol, syntax
/// node or compilation kept in a pipeline model pins old compilations in memory and breaks caching.
/// </summary>
internal static class PipelineValues
{
    private static readonly Type[] CompilerTypes =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
    ];

    /// <summary>Paths such as <c>Tools[0].Parameters[1].Symbol: SourceParameterSymbol</c>, one per compiler object found.</summary>
    public static IReadOnlyList<string> FindCompilerObjects(object? value)
    {
        var found = new List<string>();
        Walk(value, "value", found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        if (CompilerTypes.Any(t => t.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.Name}");
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is ITuple tuple)
        {
            for (var i = 0; i < tuple.Length; i++)
            {
                Walk(tuple[i], $"{path}.Item{i + 1}", found, seen);
            }
        }
        else if (value is IEnumerable sequence && !IsDefaultImmutableArray(value))
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", found, seen);
            }
        }
        else if (type.Assembly == typeof(McpToolGenerator).Assembly)
        {
            // The generator's own models; framework and Roslyn values (TextSpan, DiagnosticDescriptor) are plain data.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", found, seen);
            }
        }
    }

    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } type
        && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
        && (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
}

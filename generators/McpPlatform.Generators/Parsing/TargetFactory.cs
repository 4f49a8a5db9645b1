using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>How generated code obtains the instance an instance tool method runs on.</summary>
    internal static class TargetFactory
    {
        public sealed record Target(bool FromServicesOnly, EquatableArray<string> Dependencies, bool IsDisposable, bool IsAsyncDisposable);

        public static Target Describe(IMethodSymbol method, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var type = method.ContainingType;
            if (method.IsStatic)
            {
                return new Target(false, EquatableArray<string>.Empty, false, false);
            }

            var disposable = Implements(type, "System.IDisposable");
            var asyncDisposable = Implements(type, "System.IAsyncDisposable");
            if (type.IsAbstract)
            {
                return new Target(true, EquatableArray<string>.Empty, false, false);
            }

            var constructor = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();
            if (constructor is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnconstructibleToolSet, location, display, type.Name));
                return new Target(true, EquatableArray<string>.Empty, false, false);
            }

            var dependencies = constructor.Parameters.Select(p => TypeShapeParser.DisplayName(p.Type)).ToEquatableArray();
            return new Target(false, dependencies, disposable, asyncDisposable);
        }

        private static bool Implements(INamedTypeSymbol type, string interfaceName) =>
            type.AllInterfaces.Any(i => i.ToDisplayString() == interfaceName);
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Model
{
    /// <summary>A diagnostic as data: reported after parsing, never holding symbols.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            new(descriptor, location, arguments.ToEquatableArray());

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
    }
}

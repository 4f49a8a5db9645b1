using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Assertions on what a generator run reported.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Asserts exactly one diagnostic with this id, its severity, the fragments its message must contain, and that it points into the test source.</summary>
    public static Diagnostic Reported(GeneratorRun run, string id, DiagnosticSeverity severity, params string[] messageContains)
    {
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal(severity, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        foreach (var fragment in messageContains)
        {
            Assert.Contains(fragment, message);
        }

        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }
}

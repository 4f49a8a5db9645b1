namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Builds small test sources: the usual usings and a namespace around tool classes.</summary>
internal static class ToolSource
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using McpPlatform;

        namespace Sample;

        """;

    /// <summary>The declarations, with usings and <c>namespace Sample;</c> in front.</summary>
    public static string Of(string declarations) => Usings + declarations;

    /// <summary>A static class <c>Probe</c> whose one read tool <c>probe</c> takes <paramref name="parameters"/>.</summary>
    public static string ProbeTaking(string parameters, string declarations = "") => Of($$"""
        {{declarations}}

        public static class Probe
        {
            /// <summary>Probes a parameter list.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static string Run({{parameters}}) => "ok";
        }
        """);
}

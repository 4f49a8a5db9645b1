namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>A tool with a boolean result, so Code Mode can be seen handing the script a real <c>false</c>.</summary>
[McpToolSet("Scalars", Description = "Sample tools with scalar results.")]
public static class CodeModeScalarResultTools
{
    /// <summary>Tells whether a number is even.</summary>
    /// <param name="n">Any integer.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static bool IsEven(int n) => n % 2 == 0;
}

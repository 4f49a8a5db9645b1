using Acornima;
using Acornima.Ast;

// Also compiled into the build task (a linked file), so the build refuses exactly what the server could not run.
#if MCP_PLATFORM_BUILD
namespace McpPlatform.Build;
#else
namespace McpPlatform.Hosting.Snippets;
#endif

/// <summary>
/// The script of a snippet file: after the doc comment, one function expression (<c>async (args) =&gt; { ... }</c>,
/// <c>async function (args) { ... }</c>) or one function declaration. Parsed with Jint's parser (Acornima), so a
/// script the build accepts is one the sandbox parses.
/// </summary>
internal static class SnippetScript
{
    /// <summary>The function as an expression the sandbox can call, with its 1-based first line; or the problem with its line and column.</summary>
    public static (string? Function, int Line, string? Error, int ErrorLine, int ErrorColumn) Function(string text)
    {
        Script script;
        try
        {
            script = new Parser(new ParserOptions { EcmaVersion = EcmaVersion.Latest }).ParseScript(text);
        }
        catch (ParseErrorException error)
        {
            return (null, 0, $"SyntaxError: {error.Error?.Description ?? error.Message}", error.LineNumber, error.Column + 1);
        }

        switch (script.Body)
        {
            case [ExpressionStatement { Expression: ArrowFunctionExpression or FunctionExpression } statement]:
                var expression = statement.Expression;
                return ("(" + text[expression.Start..expression.End] + "\n)", expression.Location.Start.Line, null, 0, 0);
            case [FunctionDeclaration declaration]:
                return ("(" + text[declaration.Start..declaration.End] + "\n)", declaration.Location.Start.Line, null, 0, 0);
            default:
                var first = script.Body.Count > 0 ? script.Body[0].Location.Start : default;
                return (null, 0, "The script after the doc comment must be one function, e.g. async ({ key }) => { const t = await codemode.get_ticket({ key }); return t.title; }",
                    Math.Max(1, first.Line), first.Column + 1);
        }
    }
}

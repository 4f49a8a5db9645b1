using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Turns code as models write it into one JavaScript function expression: markdown fences are
/// stripped, a function (arrow, <c>async function</c>, named or not) is taken as it is, and bare
/// statements are wrapped in an async arrow function that returns the last expression.
/// </summary>
internal static partial class CodeNormalizer
{
    /// <summary>Longer code is refused before it is parsed.</summary>
    public const int MaxCodeLength = 100_000;

    // Wrapping on one line keeps the caller's line numbers in syntax errors.
    private const string BodyPrefix = "(async () => {";
    private const string BodySuffix = "\n})";

    /// <summary>The function expression to evaluate, or the reason the code cannot run.</summary>
    public static NormalizedCode Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return NormalizedCode.Invalid("The 'code' argument is empty: pass a JavaScript async arrow function, e.g. async () => { ... }.");
        }

        if (code.Length > MaxCodeLength)
        {
            return NormalizedCode.Invalid($"The code is {code.Length} characters long; the limit is {MaxCodeLength}.");
        }

        var source = StripFences(code).Trim();
        if (TryAsFunction(source) is { } function)
        {
            return NormalizedCode.Valid(function);
        }

        var wrapped = BodyPrefix + source + BodySuffix;
        Script script;
        try
        {
            script = Parse(wrapped);
        }
        catch (ParseErrorException error)
        {
            return NormalizedCode.Invalid($"SyntaxError: {error.Error?.Description ?? error.Message} (line {error.LineNumber}, column {Column(error)}).");
        }

        var body = ((ArrowFunctionExpression)((ExpressionStatement)script.Body[0]).Expression).Body as FunctionBody;
        if (body is null || body.Body.Count == 0)
        {
            return NormalizedCode.Valid(wrapped);
        }

        var last = body.Body[^1];
        if (body.Body.Count == 1 && last is FunctionDeclaration { Id: { } id })
        {
            // A lone named function declaration: run it.
            return NormalizedCode.Valid(BodyPrefix + source + "\nreturn " + id.Name + "();" + BodySuffix);
        }

        if (last is ExpressionStatement { Expression: var expression } statement and not Directive)
        {
            // Return the last expression, as a REPL shows it.
            var returned = wrapped[..statement.Start] + "return (" + wrapped[expression.Start..expression.End] + ");" + wrapped[statement.End..];
            return NormalizedCode.Valid(returned);
        }

        return NormalizedCode.Valid(wrapped);
    }

    /// <summary>The code of the first fenced block (```js, ```javascript, ```ts, ...), or the code itself.</summary>
    public static string StripFences(string code)
    {
        var match = FencedBlock().Match(code);
        return match.Success ? match.Groups["code"].Value : code;
    }

    // `async () => {...}`, `async function () {...}`, `function main() {...}`: one function expression.
    private static string? TryAsFunction(string source)
    {
        var candidate = source.TrimEnd().TrimEnd(';');
        if (candidate.Length == 0)
        {
            return null;
        }

        var parenthesized = "(" + candidate + "\n)";
        try
        {
            var script = Parse(parenthesized);
            return script.Body is [ExpressionStatement { Expression: ArrowFunctionExpression or FunctionExpression }] ? parenthesized : null;
        }
        catch (ParseErrorException)
        {
            return null;
        }
    }

    private static Script Parse(string source) => new Parser(new ParserOptions { EcmaVersion = EcmaVersion.Latest }).ParseScript(source);

    private static int Column(ParseErrorException error) =>
        error.LineNumber == 1 ? Math.Max(1, error.Column + 1 - BodyPrefix.Length) : error.Column + 1;

    [GeneratedRegex(@"```[ \t]*(?:js|javascript|ts|typescript|jsx|tsx|mjs)?[ \t]*\r?\n(?<code>.*?)\r?\n?[ \t]*```", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FencedBlock();
}

/// <summary>A function expression ready to evaluate, or why there is none.</summary>
internal readonly record struct NormalizedCode(string? Source, string? Error)
{
    public static NormalizedCode Valid(string source) => new(source, null);

    public static NormalizedCode Invalid(string error) => new(null, error);
}

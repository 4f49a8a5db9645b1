using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>Output conventions shared by the <c>manifest</c> commands.</summary>
internal static class CommandOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>True when writing to a terminal (Spectre.Console tables); false when redirected or captured.</summary>
    public static bool IsInteractive(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public static void WriteJson(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(JsonOptions));

    /// <summary>
    /// Runs a command body and turns bad input (a missing, unreadable, malformed or tampered file) into
    /// <see cref="ExitCodes.Usage"/> with the message on stderr, and in JSON mode an error object on stdout.
    /// </summary>
    public static int Guard(TextWriter output, TextWriter error, bool json, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ManifestFormatException e)
        {
            var verdict = e is ManifestTamperedException ? "tampered" : "malformed";
            return Fail(output, error, json, verdict, e.Message, new JsonObject
            {
                ["file"] = e.SourceName,
                ["line"] = e.Line,
                ["field"] = e.FieldPath,
            });
        }
        catch (ManifestInputException e)
        {
            return Fail(output, error, json, "missing", e.Message, []);
        }
    }

    /// <summary>
    /// <see cref="Guard(TextWriter, TextWriter, bool, Func{int})"/> on the invocation's own output and error
    /// writers; the body writes to the output it is given.
    /// </summary>
    public static int Guard(ParseResult parseResult, bool json, Func<TextWriter, int> body)
    {
        var output = parseResult.InvocationConfiguration.Output;
        return Guard(output, parseResult.InvocationConfiguration.Error, json, () => body(output));
    }

    private static int Fail(TextWriter output, TextWriter error, bool json, string kind, string message, JsonObject details)
    {
        error.WriteLine($"error: {(kind == "tampered" ? "TAMPERED: " : string.Empty)}{message}");
        if (json)
        {
            details["kind"] = kind;
            details["message"] = message;
            WriteJson(output, new JsonObject { ["ok"] = false, ["error"] = details });
        }

        return ExitCodes.Usage;
    }
}

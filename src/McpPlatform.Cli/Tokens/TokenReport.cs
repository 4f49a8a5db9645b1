using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace McpPlatform.Cli.Tokens;

/// <summary>Writes a <see cref="TokenMeasurement"/> as a console table, plain text or JSON.</summary>
internal static class TokenReport
{
    // Readable JSON: notes and paths keep their apostrophes and non-ASCII letters instead of \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Headers = ["encoding", "tools", "native tokens", "code mode tokens", "reduction"];

    /// <summary>A rounded table for a terminal.</summary>
    public static void WriteTable(IAnsiConsole console, TokenMeasurement measurement)
    {
        console.WriteLine(Heading(measurement));
        var table = new Table().Border(TableBorder.Rounded);
        for (var c = 0; c < Headers.Length; c++)
        {
            var column = new TableColumn(new Text(Headers[c], new Style(decoration: Decoration.Bold)));
            table.AddColumn(c == 0 ? column : column.RightAligned());
        }

        foreach (var count in measurement.Encodings)
        {
            table.AddRow(Cells(measurement, count, thousands: true).Select(cell => new Text(cell)).ToArray());
        }

        console.Write(table);
    }

    /// <summary>Aligned plain text, for pipes and files.</summary>
    public static void WritePlain(TextWriter output, TokenMeasurement measurement)
    {
        output.WriteLine(Heading(measurement));
        var rows = measurement.Encodings.Select(c => Cells(measurement, c, thousands: false)).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }

    /// <summary>The notes, for stderr, so stdout stays the report alone.</summary>
    public static void WriteNotes(TextWriter error, TokenMeasurement measurement)
    {
        foreach (var note in measurement.Notes)
        {
            error.WriteLine($"note: {note}");
        }
    }

    /// <summary>The measurement as an indented JSON object.</summary>
    public static void WriteJson(TextWriter output, TokenMeasurement measurement)
    {
        var encodings = new JsonArray();
        foreach (var count in measurement.Encodings)
        {
            encodings.Add(new JsonObject
            {
                ["encoding"] = count.Encoding,
                ["nativeTokens"] = count.Native,
                ["codeModeTokens"] = count.CodeMode,
                ["reductionPercent"] = count.ReductionPercent,
            });
        }

        var document = new JsonObject
        {
            ["source"] = measurement.Source,
            ["server"] = measurement.Server,
            ["tools"] = measurement.Tools,
            ["codeModeTools"] = new JsonArray([.. measurement.CodeModeTools.Select(n => (JsonNode?)n)]),
            ["bytes"] = new JsonObject { ["native"] = measurement.NativeBytes, ["codeMode"] = measurement.CodeModeBytes },
            ["encodings"] = encodings,
            ["notes"] = new JsonArray([.. measurement.Notes.Select(n => (JsonNode?)n)]),
        };
        output.WriteLine(document.ToJsonString(JsonOptions));
    }

    private static string Heading(TokenMeasurement measurement)
    {
        var server = measurement.Server is null ? string.Empty : $" ({measurement.Server})";
        return $"Tool definitions of {measurement.Source}{server}: {measurement.Tools} native tools vs Code Mode ({string.Join(", ", measurement.CodeModeTools)})";
    }

    private static string[] Cells(TokenMeasurement measurement, EncodingCount count, bool thousands)
    {
        var format = thousands ? "N0" : "D";
        return
        [
            count.Encoding,
            measurement.Tools.ToString(format, CultureInfo.InvariantCulture),
            count.Native.ToString(format, CultureInfo.InvariantCulture),
            count.CodeMode.ToString(format, CultureInfo.InvariantCulture),
            count.ReductionPercent.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        ];
    }
}

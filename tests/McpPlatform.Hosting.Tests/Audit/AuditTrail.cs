using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The audit records a server wrote, read back from its CLEF files (oldest file first, one JSON object
/// per line) once the server has stopped and flushed them.
/// </summary>
public sealed class AuditTrail
{
    private AuditTrail(string folder, IReadOnlyList<AuditLine> lines)
    {
        Folder = folder;
        Lines = lines;
    }

    /// <summary>The audit folder read.</summary>
    public string Folder { get; }

    /// <summary>Every record, in file order.</summary>
    public IReadOnlyList<AuditLine> Lines { get; }

    /// <summary>The records of kind <c>request</c>.</summary>
    public IEnumerable<AuditLine> Requests => Lines.Where(l => l.Kind == AuditRecord.RequestKind);

    /// <summary>The records of kind <c>intent</c>.</summary>
    public IEnumerable<AuditLine> Intents => Lines.Where(l => l.Kind == AuditRecord.IntentKind);

    /// <summary>The records of kind <c>chain-start</c>: one opens every chain.</summary>
    public IEnumerable<AuditLine> ChainStarts => Lines.Where(l => l.Kind == AuditRecord.ChainStartKind);

    /// <summary>The records of kind <c>refused</c>.</summary>
    public IEnumerable<AuditLine> Refusals => Lines.Where(l => l.Kind == AuditRecord.RefusedKind);

    /// <summary>Reads every <c>*.clef</c> file in <paramref name="folder"/>, in ordinal name order (the rolling order).</summary>
    public static AuditTrail Read(string folder)
    {
        var lines = new List<AuditLine>();
        foreach (var file in Directory.GetFiles(folder, "*.clef").Order(StringComparer.Ordinal))
        {
            foreach (var text in File.ReadLines(file).Where(t => t.Length > 0))
            {
                using var document = JsonDocument.Parse(text);
                lines.Add(new AuditLine(text, document.RootElement.Clone(), Path.GetFileName(file)));
            }
        }

        return new AuditTrail(folder, lines);
    }

    /// <summary>The one request record for JSON-RPC id <paramref name="requestId"/> (ids unique within the test); fails if there is not exactly one.</summary>
    public AuditLine Request(long requestId) =>
        Assert.Single(Requests, l => l.RequestId == requestId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every record as its file line, for failure messages.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Lines.Select(l => l.Text));
}

/// <summary>One audit record: the CLEF line and its parsed fields.</summary>
/// <param name="Text">The line as written.</param>
/// <param name="Fields">The parsed JSON object.</param>
/// <param name="File">The name of the file it came from.</param>
public sealed record AuditLine(string Text, JsonElement Fields, string File)
{
    public string? Kind => String(AuditFields.Kind);

    public string? RequestId => String(AuditFields.RequestId);

    public string? SessionId => String(AuditFields.SessionId);

    public string? Method => String(AuditFields.Method);

    public string? Tool => String(AuditFields.Tool);

    public string? Outcome => String(AuditFields.Outcome);

    public string? ChainId => String(AuditFields.ChainId);

    public long Seq => Number(AuditFields.Seq) ?? throw new InvalidOperationException("The record has no Seq: " + Text);

    /// <summary>A string field, or null when absent.</summary>
    public string? String(string name) =>
        Fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer field, or null when absent.</summary>
    public long? Number(string name) =>
        Fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public override string ToString() => Text;
}

using System.Buffers;
using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// An execution journal as bytes, for a store every replica reads (<see cref="ISharedExecutionStore"/>): compact JSON
/// with one-letter names, written and read by hand (no reflection), holding only what <c>rollback</c> needs: the owner,
/// start, counters and per call its tool, its inverse and the inverse's argument values.
/// <code>{"v":1,"o":owner,"s":unix ms,"d":dropped,"n":sequence,"c":[{"q":1,"t":tool,"r":inverse,"a":[[name,0|1]],"x":{name:value}}]}</code>
/// </summary>
internal static class ExecutionJournalFormat
{
    private const int Version = 1;

    public static byte[] Write(ExecutionJournal journal)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("o", journal.Owner);
            json.WriteNumber("s", journal.Started.ToUnixTimeMilliseconds());
            json.WriteNumber("d", journal.Dropped);
            json.WriteNumber("n", journal.Sequence);
            json.WriteStartArray("c");
            foreach (var call in journal.LastFirst())
            {
                WriteCall(json, call);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The journal <paramref name="id"/> stored as <paramref name="bytes"/>; null when they are not a journal of this format.</summary>
    public static ExecutionJournal? Read(string id, byte[] bytes, int maxCalls)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("v", out var version) || version.GetInt32() != Version)
            {
                return null;
            }

            var calls = root.GetProperty("c").EnumerateArray().Select(ReadCall).ToList();
            return ExecutionJournal.Restore(
                id,
                root.GetProperty("o").GetString()!,
                maxCalls,
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("s").GetInt64()),
                root.GetProperty("d").GetInt32(),
                root.GetProperty("n").GetInt32(),
                calls);
        }
        catch (Exception failure) when (failure is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // another version's or a damaged entry: treated as unknown, never as a crash
        }
    }

    private static void WriteCall(Utf8JsonWriter json, RecordedCall call)
    {
        json.WriteStartObject();
        json.WriteNumber("q", call.Sequence);
        json.WriteString("t", call.Tool);
        if (call.Revert is { } revert)
        {
            json.WriteString("r", revert.Tool);
            json.WriteStartArray("a");
            foreach (var argument in revert.Arguments)
            {
                json.WriteStartArray();
                json.WriteStringValue(argument.Name);
                json.WriteNumberValue(argument.Source == ToolRevertSource.Result ? 1 : 0);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("x");
        foreach (var (name, value) in call.Values)
        {
            json.WritePropertyName(name);
            value.WriteTo(json);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static RecordedCall ReadCall(JsonElement call)
    {
        ToolRevert? revert = null;
        if (call.TryGetProperty("r", out var inverse))
        {
            var arguments = call.GetProperty("a").EnumerateArray()
                .Select(a => new ToolRevertArgument(a[0].GetString()!, a[1].GetInt32() == 1 ? ToolRevertSource.Result : ToolRevertSource.Argument))
                .ToList();
            revert = new ToolRevert(inverse.GetString()!, arguments);
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var value in call.GetProperty("x").EnumerateObject())
        {
            values[value.Name] = value.Value.Clone();
        }

        return new RecordedCall(call.GetProperty("q").GetInt32(), call.GetProperty("t").GetString()!, revert, values);
    }
}

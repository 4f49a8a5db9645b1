using System.Text.Json;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// Parses one JSON Lines record: an object with <c>host</c> and <c>path</c> strings, an optional <c>body</c>
/// (a string holding the body text, a JSON object or array logged as is, or null), an optional
/// <c>time</c> or <c>timestamp</c> (ISO 8601 string) and an optional <c>user</c> or <c>client</c> string.
/// Other fields (e.g. <c>method</c>, the HTTP method) are ignored.
/// </summary>
internal sealed class JsonLinesParser
{
    private readonly ScratchBuffer _host = new();
    private readonly ScratchBuffer _path = new();
    private readonly ScratchBuffer _body = new();
    private readonly ScratchBuffer _time = new();
    private readonly ScratchBuffer _user = new();

    /// <summary>Fills <paramref name="record"/> from <paramref name="line"/>, or returns the reason it cannot.</summary>
    public string? TryParse(ReadOnlySpan<byte> line, ref LogRecord record)
    {
        record = default;
        var hasHost = false;
        var hasPath = false;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("host"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return "\"host\" is not a string";
                    }

                    record.Host = Text(ref reader, _host);
                    hasHost = true;
                }
                else if (reader.ValueTextEquals("path"u8))
                {
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return "\"path\" is not a string";
                    }

                    record.Path = reader.TokenType == JsonTokenType.Null ? default : Text(ref reader, _path);
                    hasPath = true;
                }
                else if (reader.ValueTextEquals("body"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        // Unescape only a body that may be MCP; "jsonrpc" survives JSON string escaping.
                        record.Body = reader.ValueIsEscaped && reader.ValueSpan.IndexOf("jsonrpc"u8) >= 0
                            ? Text(ref reader, _body)
                            : reader.ValueSpan;
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        record.Body = line[start..(int)reader.BytesConsumed];
                    }
                }
                else if (reader.ValueTextEquals("time"u8) || reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        record.Time = Text(ref reader, _time);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return "\"time\" is not an ISO 8601 string";
                    }
                }
                else if (reader.ValueTextEquals("user"u8) || reader.ValueTextEquals("client"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && record.User.IsEmpty)
                    {
                        record.User = Text(ref reader, _user);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return "not a JSON object";
            }

            if (reader.Read())
            {
                return "text after the JSON object";
            }
        }
        catch (JsonException e)
        {
            return $"invalid JSON ({FirstSentence(e.Message)})";
        }

        if (!hasHost || record.Host.IsEmpty)
        {
            return "no \"host\"";
        }

        return hasPath ? null : "no \"path\"";
    }

    private static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader reader, ScratchBuffer scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var buffer = scratch.Get(reader.ValueSpan.Length);
        return buffer[..reader.CopyString(buffer)];
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

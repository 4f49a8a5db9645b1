using System.Text.Json;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// The JSON-RPC body layer: a JSON-RPC 2.0 message (or batch) whose <c>method</c> is one only MCP uses, or whose
/// <c>params</c> / <c>result</c> carry an MCP <c>protocolVersion</c> (a date from 2024 to 2029, e.g. <c>2025-06-18</c>).
/// Plain JSON with a <c>method</c> field (<c>{"method":"GET"}</c>) and other JSON-RPC protocols
/// (<c>eth_blockNumber</c>) do not match.
/// </summary>
public static class McpJsonRpc
{
    /// <summary>The MCP methods that mark a JSON-RPC message as MCP traffic.</summary>
    public static IReadOnlyList<string> Methods { get; } =
    [
        "initialize",
        "notifications/initialized",
        "tools/call",
        "tools/list",
        "resources/read",
        "resources/list",
        "resources/templates/list",
        "prompts/list",
        "prompts/get",
        "sampling/createMessage",
        "roots/list",
        "completion/complete",
        "elicitation/create",
    ];

    private static readonly byte[][] MethodBytes = Methods.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Whether <paramref name="body"/> (UTF-8 JSON) is an MCP JSON-RPC message or a batch holding one.</summary>
    public static bool IsMcpMessage(ReadOnlySpan<byte> body)
    {
        // The cheap gate: most bodies never reach the JSON reader.
        if (body.IndexOf("jsonrpc"u8) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return IsMcpObject(ref reader);
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        if (IsMcpObject(ref reader))
                        {
                            return true;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            return false;
        }
        catch (JsonException)
        {
            // Truncated or invalid JSON: gateways often log a body prefix. Not evidence either way.
            return false;
        }
    }

    /// <summary>Reads one object (the reader is on its StartObject; afterwards on its EndObject).</summary>
    private static bool IsMcpObject(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var isJsonRpc2 = false;
        var mcpMethod = false;
        var mcpProtocolVersion = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                reader.Skip();
                continue;
            }

            if (reader.ValueTextEquals("jsonrpc"u8))
            {
                reader.Read();
                isJsonRpc2 = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                mcpMethod = reader.TokenType == JsonTokenType.String && IsMcpMethod(ref reader);
            }
            else if (reader.ValueTextEquals("params"u8) || reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    mcpProtocolVersion |= HasMcpProtocolVersion(ref reader);
                }
            }
            else
            {
                reader.Read();
            }

            // Skips an object or array value not read above; a no-op after a primitive or a consumed object.
            reader.Skip();

            // Decide as soon as possible: gateways often log a truncated body, which the reader rejects at its end.
            if (isJsonRpc2 && (mcpMethod || mcpProtocolVersion))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMcpMethod(ref Utf8JsonReader reader)
    {
        foreach (var method in MethodBytes)
        {
            if (reader.ValueTextEquals(method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a params/result object looking for <c>"protocolVersion": "202[4-9]-MM-DD"</c>.</summary>
    private static bool HasMcpProtocolVersion(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var found = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                reader.Skip();
                continue;
            }

            var isVersion = reader.ValueTextEquals("protocolVersion"u8);
            reader.Read();
            if (isVersion && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
            {
                found |= IsMcpProtocolVersion(reader.ValueSpan);
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="value"/> is an MCP protocol version: a date <c>202[4-9]-DD-DD</c>.</summary>
    public static bool IsMcpProtocolVersion(ReadOnlySpan<byte> value) =>
        value.Length == 10
        && value[0] == (byte)'2' && value[1] == (byte)'0' && value[2] == (byte)'2' && value[3] is >= (byte)'4' and <= (byte)'9'
        && value[4] == (byte)'-' && IsDigit(value[5]) && IsDigit(value[6])
        && value[7] == (byte)'-' && IsDigit(value[8]) && IsDigit(value[9]);

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// The HTTP request an operation's arguments make, before the credential is added: the method, the URL below the base
/// URL (path values escaped, query appended), the header parameters and the JSON body. Built once per call and sent
/// again as it is for a same-origin redirect or a retry.
/// </summary>
internal sealed record ApiRequest(HttpMethod Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? JsonBody)
{
    // OpenAPI 3: header parameters with these names SHALL be ignored (the media types and the credential are the
    // server's); the hop-by-hop and framing headers are HttpClient's to write, so a caller cannot smuggle them.
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Authorization", "Host", "Content-Length", "Transfer-Encoding", "Connection",
        "Cookie", "Proxy-Authorization", "Upgrade", "TE", "Trailer", "Keep-Alive", "Expect",
    };

    /// <summary>Builds the request of <paramref name="operation"/> from <paramref name="arguments"/> below <paramref name="baseUrl"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="arguments">The caller's arguments (after the gate's data rules).</param>
    /// <param name="baseUrl">The configured base URL.</param>
    /// <param name="credential">The API's credential: a parameter with its header or query name is the credential's, not the caller's.</param>
    /// <exception cref="OpenApiCallException">A required argument is missing or a value cannot go where the document puts it.</exception>
    public static ApiRequest Build(ApiOperation operation, IReadOnlyDictionary<string, JsonElement>? arguments, Uri baseUrl, OpenApiCredentialOptions credential)
    {
        var values = arguments ?? new Dictionary<string, JsonElement>();
        var path = new StringBuilder();
        var query = new StringBuilder();
        var headers = new List<KeyValuePair<string, string>>();
        byte[]? body = null;
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            if (!values.TryGetValue(parameter.Argument, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                if (parameter.Required)
                {
                    throw Refused(operation, $"the argument '{parameter.Argument}' is required.");
                }

                continue;
            }

            switch (parameter.Location)
            {
                case ApiParameterLocation.Path:
                    pathValues[parameter.Name] = PathValue(operation, parameter, value);
                    break;
                case ApiParameterLocation.Query when !IsCredential(credential, ApiKeyLocation.Query, parameter.Name):
                    foreach (var item in Items(value))
                    {
                        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(Uri.EscapeDataString(item));
                    }

                    break;
                case ApiParameterLocation.Header when !ServerHeaders.Contains(parameter.Name) && !IsCredential(credential, ApiKeyLocation.Header, parameter.Name):
                    var text = string.Join(",", Items(value));
                    if (text.Any(char.IsControl))
                    {
                        throw Refused(operation, $"the header argument '{parameter.Argument}' contains a control character.");
                    }

                    headers.Add(new(parameter.Name, text));
                    break;
                case ApiParameterLocation.Body:
                    body = JsonSerializer.SerializeToUtf8Bytes(value);
                    break;
            }
        }

        path.Append(baseUrl.AbsolutePath.TrimEnd('/'));
        path.Append(FillTemplate(operation, pathValues));
        var url = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + path + query, UriKind.Absolute);
        return new ApiRequest(new HttpMethod(operation.Method), url, headers, body);
    }

    /// <summary>The credential owns this parameter name: the caller's value is dropped, the secret goes there instead.</summary>
    private static bool IsCredential(OpenApiCredentialOptions credential, ApiKeyLocation location, string name) =>
        credential.Kind == OpenApiCredentialKind.ApiKey && credential.In == location
        && string.Equals(credential.Name, name, location == ApiKeyLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string FillTemplate(ApiOperation operation, Dictionary<string, string> pathValues)
    {
        var template = operation.Path.StartsWith('/') ? operation.Path : "/" + operation.Path;
        var filled = new StringBuilder();
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                filled.Append(template, index, template.Length - index);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw Refused(operation, "the path template has an unclosed '{'.");
            }

            filled.Append(template, index, open - index);
            var name = template[(open + 1)..close];
            if (!pathValues.TryGetValue(name, out var value))
            {
                throw Refused(operation, $"the path parameter '{name}' has no value.");
            }

            filled.Append(value);
            index = close + 1;
        }

        return filled.ToString();
    }

    // A path value is one escaped segment: '/' becomes %2F, so it can never add segments, and "." / ".." (which URL
    // normalisation would resolve, climbing out of the operation's path) are refused.
    private static string PathValue(ApiOperation operation, ApiParameter parameter, JsonElement value)
    {
        var text = Scalar(value) ?? string.Join(",", Items(value));
        if (text.Length == 0 || text is "." or "..")
        {
            throw Refused(operation, $"the path argument '{parameter.Argument}' must not be empty, '.' or '..'.");
        }

        return Uri.EscapeDataString(text);
    }

    // Arrays go as repeated query parameters (OpenAPI's default form/explode) or comma-joined (simple style); an object
    // goes as its JSON text.
    private static IEnumerable<string> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind != JsonValueKind.Null).Select(item => Scalar(item) ?? item.GetRawText())
            : [Scalar(value) ?? value.GetRawText()];

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static OpenApiCallException Refused(ApiOperation operation, string why) =>
        new(OpenApiCallFailure.Arguments, string.Create(CultureInfo.InvariantCulture, $"Cannot call {operation.Method} {operation.Path}: {why}"));
}

using System.Globalization;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// What an API answered to one call, as the caller may see it: the status, the media type and the body as text, already
/// scrubbed of the API's credential. The body was read within MaxResponseBytes.
/// </summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Reason">The reason phrase, when the API sent one.</param>
/// <param name="MediaType">The response's media type (<c>application/json</c>); null without a body type.</param>
/// <param name="Text">The body decoded as text (UTF-8 unless the response names another charset).</param>
/// <param name="ElapsedMs">How long the call took, redirects included.</param>
public sealed record ApiResponse(int Status, string? Reason, string? MediaType, string Text, long ElapsedMs)
{
    /// <summary>A 2xx status.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The body is JSON (<c>application/json</c> or a <c>+json</c> type) and not empty.</summary>
    public bool IsJson =>
        Text.Length > 0 && MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The tool error text of a non-2xx answer: the API, the operation, the status and at most
    /// <paramref name="maxBodyCharacters"/> of the body (already free of the credential).
    /// </summary>
    public string ErrorMessage(string apiNamespace, ApiOperation operation, int maxBodyCharacters)
    {
        var status = Reason is { Length: > 0 } ? $"{Status} {Reason}" : Status.ToString(CultureInfo.InvariantCulture);
        var text = $"The API '{apiNamespace}' answered {operation.Method} {operation.Path} with HTTP {status}.";
        var body = Text.Trim();
        if (body.Length == 0 || maxBodyCharacters == 0)
        {
            return text;
        }

        return body.Length <= maxBodyCharacters
            ? $"{text} Body: {body}"
            : $"{text} Body (first {maxBodyCharacters} of {body.Length} characters): {body[..maxBodyCharacters]}…";
    }
}

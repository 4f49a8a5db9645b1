using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// Calls an API operation host-side: the request built from the arguments (<see cref="ApiRequest"/>) goes to the
/// configured base URL with the API's credential, through the API's named HttpClient (its resilience handler owns
/// attempt timeouts and retries of safe methods). Redirects are followed here, not by the handler, and only within
/// the base URL; the body is read as it streams and refused past MaxResponseBytes. Every failure is an
/// <see cref="OpenApiCallException"/> whose message names the API, the operation and the setting, never the credential.
/// </summary>
public sealed partial class OpenApiInvoker(
    IHttpClientFactory clients, IOptionsMonitor<OpenApiApiOptions> options, SecretAccess secrets, ILogger<OpenApiInvoker> logger)
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The name of the HttpClient of the API declared under <paramref name="apiNamespace"/>.</summary>
    public static string ClientName(string apiNamespace) => "McpPlatform.OpenApi." + apiNamespace;

    /// <summary>The settings of the API declared under <paramref name="apiNamespace"/>.</summary>
    public OpenApiApiOptions Settings(string apiNamespace) => options.Get(apiNamespace);

    /// <summary>Calls <paramref name="operation"/> of the API <paramref name="apiNamespace"/> with <paramref name="arguments"/>.</summary>
    /// <param name="apiNamespace">The namespace the API is declared under.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="tool">The operation's descriptor: the secret store gives it only the credential it declares.</param>
    /// <param name="arguments">The arguments, after the gate's data rules.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The response, whatever its status; the caller decides what a non-2xx means.</returns>
    /// <exception cref="OpenApiCallException">No usable response: bad arguments, unreachable, timeout, a refused redirect, too large.</exception>
    /// <exception cref="ToolSecretException">The credential's secret is missing or unreachable.</exception>
    public async Task<ApiResponse> InvokeAsync(
        string apiNamespace, ApiOperation operation, McpToolDescriptor tool, IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(tool);
        var api = options.Get(apiNamespace);
        var baseUrl = api.BaseUrl ?? throw new InvalidOperationException($"{OpenApiApiOptions.SectionName}:{apiNamespace}:BaseUrl is not set.");
        var request = ApiRequest.Build(operation, arguments, baseUrl, api.Credential);
        var credential = await ApiCredential.ReadAsync(api.Credential, secrets, tool, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();

        // The handler's own timeout covers sending until the headers arrive; this one also covers the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(api.Timeout);
        try
        {
            var response = await SendAsync(apiNamespace, operation, api, request, credential, deadline.Token).ConfigureAwait(false);
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogAnswered(logger, tool.Name, response.Status, elapsed);
            return response with { ElapsedMs = elapsed };
        }
        catch (OpenApiCallException failure)
        {
            LogFailed(logger, tool.Name, failure.Failure);
            throw;
        }
        catch (Exception timeout) when (timeout is TimeoutRejectedException || (timeout is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, tool.Name, OpenApiCallFailure.Timeout);
            throw new OpenApiCallException(
                OpenApiCallFailure.Timeout,
                $"The API '{apiNamespace}' did not answer {operation.Method} {operation.Path} in time (Timeout {api.Timeout}, AttemptTimeout {api.AttemptTimeout}).",
                timeout);
        }
        catch (HttpRequestException unreachable)
        {
            // The exception's text can name the host and port; the kind of error is enough for the caller.
            LogUnreachable(logger, unreachable, tool.Name);
            throw new OpenApiCallException(
                OpenApiCallFailure.Unreachable,
                $"The API '{apiNamespace}' could not be reached for {operation.Method} {operation.Path} ({unreachable.HttpRequestError}).",
                unreachable);
        }
    }

    private async Task<ApiResponse> SendAsync(
        string apiNamespace, ApiOperation operation, OpenApiApiOptions api, ApiRequest request, ApiCredential credential, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName(apiNamespace));
        var baseUrl = api.BaseUrl!;
        var (method, url, body) = (request.Method, request.Url, request.JsonBody);
        for (var redirects = 0; ; redirects++)
        {
            if (!IsWithin(baseUrl, url))
            {
                // Path values are escaped into one segment each, so this is a last line of defence, not a normal refusal.
                throw new OpenApiCallException(OpenApiCallFailure.Arguments, $"The request of {operation.Method} {operation.Path} would leave the base URL of API '{apiNamespace}'; refused.");
            }

            using var message = new HttpRequestMessage(method, credential.Apply(url));
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
            if (body is not null)
            {
                message.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
            }

            credential.Apply(message);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                var target = new Uri(url, location);
                if (!IsWithin(baseUrl, target))
                {
                    throw new OpenApiCallException(
                        OpenApiCallFailure.Redirect,
                        credential.Scrub($"The API '{apiNamespace}' redirected {operation.Method} {operation.Path} to {target.GetLeftPart(UriPartial.Path)}, outside its base URL {baseUrl}; redirects to another host, scheme, port or path are refused."));
                }

                if (redirects >= api.MaxRedirects)
                {
                    throw new OpenApiCallException(
                        OpenApiCallFailure.Redirect,
                        $"The API '{apiNamespace}' redirected {operation.Method} {operation.Path} more than {api.MaxRedirects} times (MaxRedirects); refused.");
                }

                // 303, and 301/302 after a POST, turn into a GET without a body (RFC 9110 15.4); 307/308 repeat the request.
                if (response.StatusCode == HttpStatusCode.SeeOther
                    || (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && method == HttpMethod.Post))
                {
                    (method, body) = (HttpMethod.Get, null);
                }

                url = target;
                continue;
            }

            var text = await ReadCappedAsync(apiNamespace, operation, api.MaxResponseBytes, response, cancellationToken).ConfigureAwait(false);
            return new ApiResponse((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, credential.Scrub(text), 0);
        }
    }

    /// <summary>Same scheme, host and port as the base URL, and a path at or below its path.</summary>
    internal static bool IsWithin(Uri baseUrl, Uri target)
    {
        if (!target.IsAbsoluteUri
            || !string.Equals(target.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            || target.Port != baseUrl.Port)
        {
            return false;
        }

        var root = baseUrl.AbsolutePath.TrimEnd('/');
        var path = target.AbsolutePath;
        return root.Length == 0 || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // Read chunk by chunk and stop at the limit: an API (or a decompression bomb) cannot make the server buffer more.
    private static async Task<string> ReadCappedAsync(string apiNamespace, ApiOperation operation, long limit, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(apiNamespace, operation, limit);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[ReadChunk];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(apiNamespace, operation, limit);
                }

                buffer.Write(chunk, 0, read);
            }

            return Decode(response.Content.Headers.ContentType?.CharSet).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    private static Encoding Decode(string? charset)
    {
        try
        {
            return charset is { Length: > 0 } ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static OpenApiCallException TooLarge(string apiNamespace, ApiOperation operation, long limit) =>
        new(OpenApiCallFailure.TooLarge, $"The API '{apiNamespace}' answered {operation.Method} {operation.Path} with more than {limit} bytes (MaxResponseBytes); the response was refused.");

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "OpenAPI tool {Tool}: the API answered {Status} in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string tool, int status, long elapsedMs);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "OpenAPI tool {Tool}: the call failed ({Failure})")]
    private static partial void LogFailed(ILogger logger, string tool, OpenApiCallFailure failure);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Warning, Message = "OpenAPI tool {Tool}: the API could not be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception failure, string tool);
}

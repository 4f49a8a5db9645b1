namespace McpPlatform.Portal.Upstreams;

/// <summary>Puts every HTTP response body of an upstream behind <see cref="MessageSizeLimitedStream"/>.</summary>
internal sealed class MessageSizeLimitHandler(long limit, Action exceeded) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var original = response.Content;
        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var limited = new StreamContent(new MessageSizeLimitedStream(body, limit, exceeded));
        foreach (var header in original.Headers)
        {
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = limited;
        return response;
    }
}

using System.Net;
using System.Net.Http.Headers;
using McpPlatform.Portal.Configuration;

namespace McpPlatform.Portal.Credentials;

/// <summary>
/// Puts the portal's credential for one HTTP upstream on every request it sends there, and nothing else: whatever
/// Authorization (or API key header) a request carries is removed first, so a caller's own credentials can never be
/// forwarded. <c>TokenExchange</c> exchanges the token of the caller on whose behalf the request is sent
/// (<see cref="UpstreamCallContext"/>); requests sent for no caller (initialize, tools/list, the notification stream)
/// carry the portal's own client credentials token.
/// </summary>
internal sealed class UpstreamCredentialHandler(UpstreamCredentialOptions options, UpstreamSecrets secrets, TokenEndpointClient? tokens) : DelegatingHandler
{
    private readonly string _kind = UpstreamCredentialKindNames.Normalize(options.Kind) ?? UpstreamCredentialKinds.None;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        if (_kind == UpstreamCredentialKinds.ApiKey)
        {
            request.Headers.Remove(options.Header);
        }

        var callerToken = UpstreamCallContext.CallerToken;
        switch (_kind)
        {
            case UpstreamCredentialKinds.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await secrets.GetAsync(options.Secret!, cancellationToken).ConfigureAwait(false));
                break;
            case UpstreamCredentialKinds.ApiKey:
                request.Headers.TryAddWithoutValidation(options.Header, await secrets.GetAsync(options.Secret!, cancellationToken).ConfigureAwait(false));
                break;
            case UpstreamCredentialKinds.ClientCredentials:
                callerToken = null;
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens!.ClientCredentialsTokenAsync(cancellationToken).ConfigureAwait(false));
                break;
            case UpstreamCredentialKinds.TokenExchange:
                var token = callerToken is { Length: > 0 }
                    ? await tokens!.ExchangeAsync(callerToken, cancellationToken).ConfigureAwait(false)
                    : await tokens!.ClientCredentialsTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && tokens is not null)
        {
            tokens.Forget(callerToken is { Length: > 0 } ? callerToken : null); // revoked or rotated: the next request asks again
        }

        return response;
    }
}

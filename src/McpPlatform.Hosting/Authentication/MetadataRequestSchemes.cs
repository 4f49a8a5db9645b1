using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;

using McpPlatform.Governance.Authentication;
namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// The authentication schemes, except that the SDK's MCP scheme is offered as a request handler
/// only for requests it could answer: its handler serves the RFC 9728 resource metadata and
/// declines every other path, so building it for each MCP call is work thrown away. Paths it
/// could serve (by the same test the SDK's handler applies, so never fewer) still reach it.
/// </summary>
internal sealed class MetadataRequestSchemes(
    IOptions<AuthenticationOptions> options,
    IOptionsMonitor<McpAuthenticationOptions> mcpOptions,
    IHttpContextAccessor httpContext) : AuthenticationSchemeProvider(options)
{
    private static readonly PathString DefaultMetadataPath = new(BearerChallenge.ResourceMetadataPath);

    private Filtered? _filtered;

    public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = base.GetRequestHandlerSchemesAsync();
        return all.IsCompletedSuccessfully && httpContext.HttpContext?.Request is { } request && !MayBeMetadataRequest(request)
            ? WithoutMcp(all.Result)
            : all;
    }

    private Task<IEnumerable<AuthenticationScheme>> WithoutMcp(IEnumerable<AuthenticationScheme> all)
    {
        // Schemes are rarely added at run time; the filtered list is kept until the full one changes.
        var cached = Volatile.Read(ref _filtered);
        if (cached is null || !ReferenceEquals(cached.All, all))
        {
            cached = new Filtered(all, Task.FromResult<IEnumerable<AuthenticationScheme>>(
                all.Where(s => s.Name != McpAuthenticationDefaults.AuthenticationScheme).ToArray()));
            Volatile.Write(ref _filtered, cached);
        }

        return cached.WithoutMcp;
    }

    /// <summary>Whether the SDK's handler could serve <paramref name="request"/>: the path test of its HandleRequestAsync.</summary>
    private bool MayBeMetadataRequest(HttpRequest request)
    {
        if (mcpOptions.Get(McpAuthenticationDefaults.AuthenticationScheme).ResourceMetadataUri is not { } configured)
        {
            return request.Path.StartsWithSegments(DefaultMetadataPath);
        }

        var path = configured.IsAbsoluteUri ? configured.AbsolutePath
            : configured.OriginalString.StartsWith('/') ? configured.OriginalString
            : "/" + configured.OriginalString;
        return string.Equals(request.Path.Value, path, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, Task<IEnumerable<AuthenticationScheme>> WithoutMcp);
}

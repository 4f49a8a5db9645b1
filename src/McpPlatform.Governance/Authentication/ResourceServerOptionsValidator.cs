using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Authentication;

/// <summary>
/// Refuses to start with an authentication set-up that would silently weaken the server:
/// outside Development a real issuer and resource URI are required and the development
/// issuer and auth-off are refused; algorithms never include <c>none</c> or HMAC.
/// </summary>
internal sealed class ResourceServerOptionsValidator(IHostEnvironment environment) : IValidateOptions<ResourceServerOptions>
{
    private const string Section = "McpPlatform:Authentication";

    public ValidateOptionsResult Validate(string? name, ResourceServerOptions options)
    {
        var failures = new List<string>();
        CheckAlgorithms(options, failures);
        if (options.TokenTypes.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:TokenTypes must not contain an empty entry (an entry '*' turns the typ check off).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:ClockSkew must be between 0 and 00:05:00 (got {options.ClockSkew}).");
        }

        if (options.Authority is { Length: > 0 } authority)
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                failures.Add($"{Section}:Authority must be the issuer's absolute URL, e.g. https://login.example.com/tenant (got '{authority}').");
            }
            else if (!options.RequireHttpsMetadata && !IsLoopback(uri))
            {
                failures.Add($"{Section}:RequireHttpsMetadata=false is only allowed for a loopback Authority (got '{authority}').");
            }

            if (options.DevelopmentIssuer.Enabled == true)
            {
                failures.Add($"{Section}: set either Authority or DevelopmentIssuer:Enabled=true, not both.");
            }
        }

        if (options.Resource is { Length: > 0 } resource
            && (!Uri.TryCreate(resource, UriKind.Absolute, out var resourceUri) || resourceUri.Scheme is not ("https" or "http") || resourceUri.Fragment.Length > 0))
        {
            failures.Add($"{Section}:Resource must be this server's absolute MCP URL without a fragment, e.g. https://mcp.example.com/mcp (got '{resource}').");
        }

        CheckAuthorizationServer(options, failures);
        if (!environment.IsDevelopment())
        {
            CheckProduction(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckProduction(ResourceServerOptions options, List<string> failures)
    {
        var where = $"in the '{environment.EnvironmentName}' environment";
        if (!options.Enabled)
        {
            failures.Add($"{Section}:Enabled=false is only allowed in Development; {where} every caller must present a token.");
            return;
        }

        var server = options.DevelopmentAuthorizationServer;
        if (server.Enabled == true && !(server.AllowOutsideDevelopment && !string.IsNullOrEmpty(server.Issuer)))
        {
            failures.Add($"{Section}:DevelopmentAuthorizationServer:Enabled=true is only allowed in Development; {where} it also needs "
                + $"{Section}:DevelopmentAuthorizationServer:AllowOutsideDevelopment=true and its Issuer named (a shared test environment, never production).");
        }

        // The embedded authorization server, explicitly allowed here, signs with the development key: the issuer comes with it.
        var embedded = server.Enabled == true && server.AllowOutsideDevelopment && !string.IsNullOrEmpty(server.Issuer);
        if (options.DevelopmentIssuer.Enabled == true && !embedded)
        {
            failures.Add($"{Section}:DevelopmentIssuer is only allowed in Development; {where} configure {Section}:Authority with your identity provider.");
        }

        if (string.IsNullOrEmpty(options.Authority) && !embedded)
        {
            failures.Add($"{Section}:Authority is required {where}: the URL of your identity provider's issuer (see the README for Entra ID, Okta, Auth0, Keycloak, Cloudflare Access).");
        }

        if (string.IsNullOrEmpty(options.Resource))
        {
            failures.Add($"{Section}:Resource is required {where}: this server's public MCP URL, which tokens must name as their audience.");
        }
    }

    private static void CheckAuthorizationServer(ResourceServerOptions options, List<string> failures)
    {
        var server = options.DevelopmentAuthorizationServer;
        if (server.Issuer is { Length: > 0 } issuer
            && (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            failures.Add($"{Section}:DevelopmentAuthorizationServer:Issuer must be an absolute http(s) URL without query or fragment (got '{issuer}').");
        }

        if (server.Enabled == true && !string.IsNullOrEmpty(options.Authority))
        {
            failures.Add($"{Section}: set either Authority or DevelopmentAuthorizationServer:Enabled=true, not both (the embedded server signs with the development key).");
        }

        if (server.MaxRegisteredClients is < 1 or > 100_000)
        {
            failures.Add($"{Section}:DevelopmentAuthorizationServer:MaxRegisteredClients must be between 1 and 100000 (got {server.MaxRegisteredClients}).");
        }
    }

    private static void CheckAlgorithms(ResourceServerOptions options, List<string> failures)
    {
        if (options.Algorithms.Length == 0)
        {
            failures.Add($"{Section}:Algorithms must list at least one signing algorithm, e.g. RS256.");
        }

        foreach (var algorithm in options.Algorithms)
        {
            if (string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase) || algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{Section}:Algorithms must not contain '{algorithm}': unsigned and shared-secret (HMAC) tokens are refused.");
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

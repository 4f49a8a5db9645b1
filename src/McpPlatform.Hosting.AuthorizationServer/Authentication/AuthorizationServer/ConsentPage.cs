using System.Collections.Immutable;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using McpPlatform.Governance.Policy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// The development sign-in and consent page, behind OpenIddict's authorization endpoint (passthrough: OpenIddict has
/// already checked the client, redirect URI, PKCE, scopes and resource). The developer picks who to be (subject, name,
/// groups from the policy's rules or typed in) and which of the requested scopes to grant; Approve signs in through
/// OpenIddict, which issues the code, and Deny answers the client <c>access_denied</c>. The form carries an antiforgery
/// token, so another site cannot submit it on the developer's behalf.
/// </summary>
internal static partial class ConsentPage
{
    private const int MaxFieldLength = 200;
    private const int MaxGroups = 50;

    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            return Results.BadRequest("Not an OAuth authorization request.");
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && (await context.Request.ReadFormAsync()).ContainsKey("decision"))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest("The consent form expired or did not come from this page; start the sign-in again.");
            }

            return Decide(context, request, context.Request.Form);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var policy = context.RequestServices.GetRequiredService<IOptions<PolicyOptions>>().Value;
        var client = await ClientNameAsync(context, request);
        return Results.Content(Render(request, client, ResourceIndicators.Granted(context.Request, request), KnownGroups(policy), tokens), "text/html; charset=utf-8");
    }

    private static IResult Decide(HttpContext context, OpenIddictRequest request, IFormCollection form)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsentPage));
        if (!string.Equals(form["decision"], "approve", StringComparison.Ordinal))
        {
            LogDenied(logger, request.ClientId);
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The developer denied the request.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var subject = Field(form["subject"]);
        if (subject is null)
        {
            return Results.BadRequest("Pick a user (subject) to sign in as.");
        }

        var groups = form["group"].Concat(form["other_groups"].SelectMany(g => (g ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Select(Field).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxGroups).ToImmutableArray();
        var requested = request.GetScopes();
        var granted = form["grant_scope"].OfType<string>().Where(requested.Contains).Append(Scopes.OfflineAccess).Distinct(StringComparer.Ordinal).ToImmutableArray();

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, Field(form["name"]) ?? subject);
        if (Field(form["email"]) is { } email)
        {
            identity.SetClaim(Claims.Email, email);
        }

        identity.SetClaims("groups", groups);
        identity.SetScopes(granted);
        identity.SetResources(ResourceIndicators.Granted(context.Request, request));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        LogApproved(logger, subject, request.ClientId, string.Join(' ', granted));
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<string> ClientNameAsync(HttpContext context, OpenIddictRequest request)
    {
        var manager = context.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
        var application = request.ClientId is { } id ? await manager.FindByClientIdAsync(id, context.RequestAborted) : null;
        return (application is null ? null : await manager.GetDisplayNameAsync(application, context.RequestAborted)) ?? request.ClientId ?? "an unnamed client";
    }

    private static string[] KnownGroups(PolicyOptions policy) =>
        [.. policy.Rules.SelectMany(rule => rule.Groups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Field(string? value) =>
        value?.Trim() is { Length: > 0 and <= MaxFieldLength } trimmed ? trimmed : null;

    private static string Render(OpenIddictRequest request, string client, IReadOnlyList<string> resources, string[] groups, AntiforgeryTokenSet tokens)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(4096);
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in to the MCP server (development)</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}fieldset{margin:1rem 0}")
            .Append("label{display:block;margin:.25rem 0}.note{color:#555}button{margin-right:1rem;padding:.4rem 1.2rem}</style></head><body>")
            .Append("<h1>Sign in (development)</h1>")
            .Append("<p class=\"note\">This is the development authorization server of an McpPlatform server. Choose who to be; no password is asked.</p>")
            .Append("<p><strong id=\"client\">").Append(html.Encode(client)).Append("</strong> asks for access to <code id=\"resource\">")
            .Append(html.Encode(string.Join(", ", resources))).Append("</code>.</p>")
            .Append("<form method=\"post\" id=\"consent\">");
        foreach (var parameter in request.GetParameters())
        {
            foreach (var value in Values(parameter.Value))
            {
                page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(parameter.Key)).Append("\" value=\"").Append(html.Encode(value)).Append("\">");
            }
        }

        page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(html.Encode(tokens.RequestToken ?? "")).Append("\">")
            .Append("<fieldset><legend>User</legend>")
            .Append("<label>Subject <input name=\"subject\" id=\"subject\" value=\"developer\" required maxlength=\"200\"></label>")
            .Append("<label>Name <input name=\"name\" id=\"name\" value=\"Developer\" maxlength=\"200\"></label>")
            .Append("<label>E-mail <input name=\"email\" id=\"email\" maxlength=\"200\"></label></fieldset>")
            .Append("<fieldset><legend>Groups</legend>");
        foreach (var group in groups)
        {
            page.Append("<label><input type=\"checkbox\" name=\"group\" value=\"").Append(html.Encode(group)).Append("\"> ").Append(html.Encode(group)).Append("</label>");
        }

        page.Append("<label>Other groups (comma-separated) <input name=\"other_groups\" id=\"other_groups\" maxlength=\"200\"></label></fieldset>")
            .Append("<fieldset><legend>Requested scopes</legend>");
        foreach (var scope in request.GetScopes())
        {
            page.Append("<label><input type=\"checkbox\" name=\"grant_scope\" checked value=\"").Append(html.Encode(scope)).Append("\"> ").Append(html.Encode(scope)).Append("</label>");
        }

        page.Append("</fieldset><button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Approve</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form></body></html>");
        return page.ToString();
    }

    private static IEnumerable<string> Values(OpenIddictParameter parameter) =>
        ((Microsoft.Extensions.Primitives.StringValues?)parameter)?.OfType<string>() ?? [];

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Development sign-in: {Subject} approved client {ClientId} with scopes {Scopes}")]
    private static partial void LogApproved(ILogger logger, string subject, string? clientId, string scopes);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Development sign-in: the developer denied client {ClientId}")]
    private static partial void LogDenied(ILogger logger, string? clientId);
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Hosting.Tests.Authentication.AuthorizationServer;

/// <summary>
/// An OAuth client and its user's browser, by hand over HTTP, for the refusals a well-behaved SDK never provokes:
/// registers a client, opens the authorization URL (the consent page), submits the form (keeping the antiforgery cookie),
/// and exchanges codes at the token endpoint with any verifier it is given.
/// </summary>
internal sealed partial class OAuthBrowser(Uri baseUri) : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:9/callback";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseUri };

    public Uri McpUri => new(baseUri, "/mcp");

    public void Dispose() => _http.Dispose();

    /// <summary>Registers a public client for <paramref name="redirectUri"/>; returns its client_id.</summary>
    public async Task<string> RegisterAsync(string redirectUri = RedirectUri)
    {
        using var response = await _http.PostAsJsonAsync("/oauth/register", new
        {
            client_name = "hand-made client",
            redirect_uris = new[] { redirectUri },
            token_endpoint_auth_method = "none",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["client_id"]!;
    }

    /// <summary>A fresh PKCE verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>GET the authorization endpoint with these parameters (client_id, redirect_uri, PKCE, scope, resource...).</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(IReadOnlyDictionary<string, string> parameters) =>
        _http.GetAsync("/oauth/authorize?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));

    /// <summary>The usual authorization request of <paramref name="clientId"/> with <paramref name="challenge"/> (S256).</summary>
    public Dictionary<string, string> Request(string clientId, string challenge, string redirectUri = RedirectUri) => new()
    {
        ["response_type"] = "code",
        ["client_id"] = clientId,
        ["redirect_uri"] = redirectUri,
        ["scope"] = "mcp:read",
        ["state"] = "s1",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
        ["resource"] = McpUri.AbsoluteUri,
    };

    /// <summary>Approves the consent page <paramref name="page"/> as <paramref name="subject"/>; returns the code from the redirect.</summary>
    public async Task<string> ApproveAsync(HttpResponseMessage page, string subject = "hand")
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(html).Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        form.Add(new("grant_scope", "mcp:read"));
        form.Add(new("subject", subject));
        form.Add(new("decision", "approve"));
        using var answer = await _http.PostAsync("/oauth/authorize", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.AbsoluteUri, StringComparison.Ordinal);
        return System.Web.HttpUtility.ParseQueryString(location.Query)["code"]!;
    }

    /// <summary>POSTs the authorization_code grant; returns the status and JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> RedeemAsync(string clientId, string code, string verifier)
    {
        using var response = await _http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
            ["resource"] = McpUri.AbsoluteUri,
        }));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>
    /// The OAuth error of a refused authorization request, never a consent page: from the redirect to the client
    /// (<c>error</c> and <c>error_description</c> in the query) or from OpenIddict's own 400 answer.
    /// </summary>
    public static async Task<(string? Error, string Description)> RefusalAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form", body, StringComparison.Ordinal);
        if (response.StatusCode == HttpStatusCode.Found)
        {
            var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
            return (query["error"], query["error_description"] ?? "");
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Regex.Match(body, "error[\"=:\\s]+(\\w+)").Groups[1].Value;
        return (error.Length > 0 ? error : null, body);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}

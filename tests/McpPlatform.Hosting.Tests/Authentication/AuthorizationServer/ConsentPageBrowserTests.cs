using System.Net.Http.Json;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Authentication.AuthorizationServer;

/// <summary>
/// The development sign-in page in headless Chromium (Debian's package; <c>MCP_PLATFORM_CHROMIUM</c> or <c>chromium</c>
/// on PATH, as the CLI's review-page test finds it): a real browser follows the authorization URL, gets the page, and the
/// DOM holds the form a developer fills in, with a hostile client name shown as text.
/// </summary>
public sealed class ConsentPageBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    [Fact]
    public async Task Chromium_shows_the_consent_form_with_user_groups_scopes_and_the_client_name_as_text()
    {
        var browser = FindChromium();
        await using var server = await RunningServer.StartAsync(new ServerSetup { GrantTestCallerEverything = false, Settings = GovernedPolicy.Settings });
        using var http = server.CreateHttpClient();
        using var registered = await http.PostAsJsonAsync("/oauth/register", new
        {
            client_name = "<img src=x onerror=alert(1)>Hostile client",
            redirect_uris = new[] { OAuthBrowser.RedirectUri },
            token_endpoint_auth_method = "none",
        });
        var clientId = (string)JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["client_id"]!;
        using var oauth = new OAuthBrowser(server.BaseUri);
        var request = oauth.Request(clientId, OAuthBrowser.Pkce().Challenge);
        request["scope"] = "mcp:read mcp:write";
        var url = new Uri(server.BaseUri, "/oauth/authorize?" + string.Join('&', request.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        var profile = Directory.CreateTempSubdirectory("mcpplatform-chromium-").FullName;

        try
        {
            var dom = await ChildProcess.RunAsync(
                browser,
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                 "--dump-dom", url.AbsoluteUri],
                profile,
                environment: null,
                BrowserTimeout);

            Assert.Equal(0, dom.ExitCode);
            var html = dom.Output;
            Assert.Contains("<form method=\"post\" id=\"consent\">", html);
            Assert.Contains("id=\"subject\"", html);
            Assert.Contains("name=\"__RequestVerificationToken\"", html); // the antiforgery field
            Assert.Contains($"name=\"client_id\" value=\"{clientId}\"", html);
            Assert.Contains("name=\"grant_scope\" checked=\"\" value=\"mcp:write\"", html);
            Assert.Contains($"name=\"group\" value=\"{GovernedPolicy.SupportGroup}\"", html);
            Assert.Contains(server.McpUri.AbsoluteUri, html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;Hostile client", html); // text, not an element
            Assert.DoesNotContain("<img", html);
            Assert.Contains("id=\"approve\"", html);
            Assert.Contains("id=\"deny\"", html);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("MCP_PLATFORM_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = Browsers.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
        Assert.True(found is not null, "No Chromium found (MCP_PLATFORM_CHROMIUM, or chromium on PATH): apt-get install -y chromium (eng/test.sh does).");
        return found!;
    }
}

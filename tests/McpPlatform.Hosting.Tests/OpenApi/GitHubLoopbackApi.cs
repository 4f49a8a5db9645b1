using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// A few GitHub-shaped endpoints on 127.0.0.1, at the paths of GitHub's REST description, so a server can front them
/// with the real document: create and get an issue, get a repository, and <c>/user</c>, which echoes the
/// Authorization header it received (an API that leaks the credential back). Anything else is GitHub's 404. Every
/// request target that arrives is kept, so tests assert what reached the API and what did not.
/// </summary>
internal sealed class GitHubLoopbackApi : IAsyncDisposable
{
    public const int IssueNumber = 1347;

    private readonly WebApplication _app;

    private GitHubLoopbackApi(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port/ (the base URL: GitHub's paths start at the root).</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>"METHOD raw-target" of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<GitHubLoopbackApi> StartAsync()
    {
        var app = LoopbackWebApp.Create(nameof(GitHubLoopbackApi));
        var api = new GitHubLoopbackApi(app);
        app.Use((context, next) =>
        {
            api.Requests.Enqueue(context.Request.Method + " " + context.Features.Get<IHttpRequestFeature>()?.RawTarget);
            return next(context);
        });
        app.MapPost("/repos/{owner}/{repo}/issues", async (HttpContext context, string owner, string repo) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return Results.Json(Issue(owner, repo, (string?)body?["title"] ?? ""), statusCode: 201);
        });
        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (string owner, string repo, int number) =>
            number == IssueNumber ? Results.Json(Issue(owner, repo, "Found a bug")) : NotFound());
        app.MapGet("/repos/{owner}/{repo}", (string owner, string repo) =>
            IsLogin(owner) ? Results.Json(new { id = 1296269, name = repo, full_name = $"{owner}/{repo}", @private = false }) : NotFound());
        app.MapGet("/user", (HttpContext context) => Results.Json(new { login = "octocat", id = 1, bio = "token seen: " + context.Request.Headers.Authorization }));
        app.MapFallback(() => NotFound());
        await app.StartAsync();
        api.Root = LoopbackWebApp.BoundAddress(app, "The GitHub-shaped API");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
    }

    // GitHub logins are letters, digits and hyphens: anything else is no account, so 404 as GitHub answers.
    private static bool IsLogin(string owner) => owner.Length > 0 && owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static IResult NotFound() =>
        Results.Json(new { message = "Not Found", documentation_url = "https://docs.github.com/rest" }, statusCode: 404);

    private static object Issue(string owner, string repo, string title) => new
    {
        id = 1,
        number = IssueNumber,
        title,
        state = "open",
        html_url = $"https://github.com/{owner}/{repo}/issues/{IssueNumber}",
        user = new { login = "octocat" },
        labels = Array.Empty<object>(),
    };
}

using McpPlatform.Governance;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>How <see cref="RunningServer"/> starts a server: environment, token issuer, policy and settings.</summary>
internal sealed record ServerSetup
{
    /// <summary>The policy rule <see cref="GrantTestCallerEverything"/> adds.</summary>
    public const string TestRuleName = "hosting-tests-everything";

    /// <summary>Development by default: the development issuer is trusted, with a key file in a temp folder.</summary>
    public string Environment { get; init; } = Environments.Development;

    /// <summary>
    /// Trust this loopback OIDC issuer instead of the development issuer: Authority = its URL,
    /// RequireHttpsMetadata = false, and Resource = the server's MCP URL (so the port is chosen first).
    /// </summary>
    public TestOidcIssuer? Issuer { get; init; }

    /// <summary>
    /// Adds a rule granting Read, Write and Destructive on every tool to <see cref="TestCaller.TestGroup"/>
    /// with the write and destructive scopes, so tool-mechanics tests are not about policy.
    /// </summary>
    public bool GrantTestCallerEverything { get; init; } = true;

    /// <summary>Configuration on top of the above, as appsettings.json would give it.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The options callback a consumer passes to <c>AddMcpPlatform</c>.</summary>
    public Action<McpPlatformOptions>? Configure { get; init; }

    /// <summary>
    /// The audit folder (<c>McpPlatform:Audit:Directory</c>, absolute) when the test owns it and reads it after
    /// the server stops; null for a fresh temp folder per server, deleted when the server is disposed.
    /// </summary>
    public string? AuditDirectory { get; init; }

    /// <summary>
    /// The content root, where the host reads appsettings.json and appsettings.{Environment}.json; null for the test
    /// output folder (which has neither).
    /// </summary>
    public string? ContentRootPath { get; init; }

    /// <summary>Command-line arguments, as <c>dotnet Server.dll --McpPlatform:X=y</c> passes them.</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Tools served beside the generated sample tools (OpenAPI operations with a test invoker, for instance).</summary>
    public IReadOnlyList<McpPlatform.Hosting.Tools.GovernedMcpTool> ExtraTools { get; init; } = [];

    /// <summary>The application builder before <c>AddMcpPlatform</c> (e.g. <c>AddMcpOpenApi</c>).</summary>
    public Action<IHostApplicationBuilder>? BeforePlatform { get; init; }

    /// <summary>The application builder after <c>AddMcpPlatform</c>.</summary>
    public Action<IHostApplicationBuilder>? AfterPlatform { get; init; }

    /// <summary>Extra services, registered before <c>AddMcpPlatform</c>.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>
    /// Calls <c>AddMcpPlatformSerilog</c>, as the template's Program.cs does (default); false for a host that keeps
    /// ASP.NET Core's logging and its own providers.
    /// </summary>
    public bool UseSerilog { get; init; } = true;

    /// <summary>The app's own middleware and endpoints, added before <c>MapMcpPlatform</c>.</summary>
    public Action<WebApplication>? App { get; init; }

    /// <summary>Conventions chained on what <c>MapMcpPlatform</c> returns, e.g. <c>RequireRateLimiting</c>.</summary>
    public Action<IEndpointConventionBuilder>? McpConventions { get; init; }
}

using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// A platform server that fronts the loopback API with <c>AddMcpOpenApi("inv", loopback-api.yaml)</c> and a Bearer
/// credential from an in-memory secret store, as a consumer's Program.cs and appsettings.json would set it up.
/// </summary>
internal static class OpenApiServer
{
    public const string Namespace = "inv";
    public const string SecretName = "inventory-token";
    public const string Secret = "inv-tok-4Rw9Lq2Zx7Vb3Nm8";

    public static Task<RunningServer> StartAsync(
        LoopbackApi api,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool grantEverything = true,
        bool afterPlatform = false,
        string? auditDirectory = null)
    {
        var all = new Dictionary<string, string?>
        {
            [$"McpPlatform:OpenApi:Apis:{Namespace}:BaseUrl"] = api.BaseUrl.AbsoluteUri,
            [$"McpPlatform:OpenApi:Apis:{Namespace}:Credential:Kind"] = "Bearer",
            [$"McpPlatform:OpenApi:Apis:{Namespace}:Credential:Secret"] = SecretName,
            [$"McpPlatform:OpenApi:Apis:{Namespace}:Retries"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Action<IHostApplicationBuilder> add = builder => builder.AddMcpOpenApi(Namespace, LoopbackApi.DocumentPath);
        return RunningServer.StartAsync(new ServerSetup
        {
            Settings = all,
            GrantTestCallerEverything = grantEverything,
            AuditDirectory = auditDirectory,
            Services = services => services.AddSingleton<ISecretProvider>(new OneSecret()),
            BeforePlatform = afterPlatform ? null : add,
            AfterPlatform = afterPlatform ? add : null,
        });
    }

    private sealed class OneSecret : ISecretProvider
    {
        public string Name => "test-store";

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(name == SecretName ? new SecretValue(Secret, "1") : null);
    }
}

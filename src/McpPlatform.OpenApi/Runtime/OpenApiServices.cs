using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// Registers what calling one API needs: its settings bound from <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;</c> and
/// validated at start-up, the shared <see cref="OpenApiInvoker"/>, and the API's named HttpClient: no automatic
/// redirects (the invoker decides), no cookies, no request logging by the factory (a query can hold an API key), and a
/// resilience handler with the total timeout, retries of safe methods and the attempt timeout.
/// </summary>
public static class OpenApiServices
{
    /// <summary>Adds the API declared under <paramref name="apiNamespace"/>; <paramref name="configure"/> runs after configuration binding.</summary>
    public static IServiceCollection AddOpenApiClient(this IServiceCollection services, string apiNamespace, Action<OpenApiApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(apiNamespace);
        var options = services.AddOptions<OpenApiApiOptions>(apiNamespace).BindConfiguration($"{OpenApiApiOptions.SectionName}:{apiNamespace}").ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<OpenApiApiOptions>>(new OpenApiApiOptionsValidator(apiNamespace));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenApiInvoker>();
        services.AddHttpClient(OpenApiInvoker.ClientName(apiNamespace))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The invoker's deadline (Timeout) and the handler's timeouts govern; HttpClient's own 100 s would only cut in later.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("openapi", (pipeline, context) =>
            {
                var api = context.ServiceProvider.GetRequiredService<IOptionsMonitor<OpenApiApiOptions>>().Get(apiNamespace);
                pipeline.AddTimeout(api.Timeout);
                if (api.Retries > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = api.Retries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        MaxDelay = api.AttemptTimeout,
                    };

                    // A POST/PUT/PATCH/DELETE whose answer was lost may have been applied; repeating it is the API's call, not ours.
                    retry.DisableForUnsafeHttpMethods();
                    pipeline.AddRetry(retry);
                }

                pipeline.AddTimeout(api.AttemptTimeout);
            });
        return services;
    }
}

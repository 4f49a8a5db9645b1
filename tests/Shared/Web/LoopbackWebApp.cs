using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Testing;

/// <summary>
/// The plumbing the loopback test servers (OIDC issuer, Key Vault) share: a slim web app bound to
/// 127.0.0.1 on a free port whatever the machine's configuration says, the check of where it
/// really bound, and a bounded stop.
/// </summary>
internal static class LoopbackWebApp
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A quiet web app listening only on 127.0.0.1:0; <paramref name="listen"/> adds e.g. HTTPS.</summary>
    public static WebApplication Create(string applicationName, Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        IgnoreMachineConfiguration(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen ?? (_ => { })));
        return builder.Build();
    }

    /// <summary>The one address the started app bound; throws unless it is on 127.0.0.1.</summary>
    public static Uri BoundAddress(WebApplication app, string what)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToArray();
        var bound = addresses.Select(address => new Uri(address)).ToArray();
        if (bound.Length != 1 || !IPAddress.TryParse(bound[0].Host, out var host) || !host.Equals(IPAddress.Loopback))
        {
            throw new InvalidOperationException($"{what} must listen on 127.0.0.1 only, but bound: {string.Join(", ", addresses)}.");
        }

        return bound[0];
    }

    /// <summary>Stops the app, giving in-flight requests a few seconds; disposal closes the listener regardless.</summary>
    public static async Task StopAsync(WebApplication app)
    {
        using var stopping = new CancellationTokenSource(StopTimeout);
        try
        {
            await app.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposal still closes the listener.
        }
    }

    // ASPNETCORE_URLS, Kestrel__Endpoints__* or an appsettings.json beside the tests must not move
    // the server off 127.0.0.1: only the Listen call decides where it binds.
    private static void IgnoreMachineConfiguration(ConfigurationManager configuration)
    {
        var machineSources = configuration.Sources
            .Where(source => source is EnvironmentVariablesConfigurationSource or FileConfigurationSource)
            .ToList();
        foreach (var source in machineSources)
        {
            configuration.Sources.Remove(source);
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting;

/// <summary>
/// The fleet's shared state lives in the package McpPlatform.Hosting.Redis: with <c>McpPlatform:Redis:Configuration</c>
/// set it is required (a missing package fails the start-up, naming it); without the setting every limit stays in process.
/// </summary>
internal static class FleetStore
{
    public const string ConfigurationKey = "McpPlatform:Redis:Configuration";

    public static void Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConfigurationKey]))
        {
            // Referenced but unused: its settings are still bound and checked, so a typo surfaces at start-up.
            PlatformPackages.Find(PlatformPackages.Redis)?.Add(services, configuration, environment);
            return;
        }

        PlatformPackages.Require(PlatformPackages.Redis, $"{ConfigurationKey} is set").Add(services, configuration, environment);
    }
}

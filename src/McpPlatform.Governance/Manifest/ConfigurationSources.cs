using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Names the configuration provider that supplied a setting: the last provider (the one that wins) holding the key
/// or anything beneath it. So a refusal can say "environment variable McpPlatform__Dlp__Enabled" or
/// "appsettings.Production.json" instead of leaving the operator to search every source.
/// </summary>
internal static class ConfigurationSources
{
    // Bound options can also come from code (an options callback); no provider knows about that.
    public const string Default = "no configuration source sets it (the default, or code such as an options callback)";

    /// <summary>Where <paramref name="key"/> comes from; <see cref="Default"/> when no provider sets it.</summary>
    public static string Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "configuration";
        }

        return Find(root, key) ?? Default;
    }

    private static string? Find(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider is ChainedConfigurationProvider { Configuration: IConfigurationRoot chained } && Find(chained, key) is { } inner)
            {
                return inner;
            }

            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return Name(provider, key);
            }
        }

        return null;
    }

    private static string Name(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json => json.Source.Path ?? "a JSON configuration file",
        EnvironmentVariablesConfigurationProvider environment => $"environment variable {EnvironmentPrefix(environment)}{key.Replace(":", "__", StringComparison.Ordinal)}",
        CommandLineConfigurationProvider => $"command line (--{key})",
        MemoryConfigurationProvider => "in-memory configuration (set by the host's code)",
        _ => provider.ToString() ?? provider.GetType().Name,
    };

    // The provider keeps its prefix private; its ToString is "EnvironmentVariablesConfigurationProvider Prefix: '<prefix>'".
    private static string EnvironmentPrefix(EnvironmentVariablesConfigurationProvider provider)
    {
        var text = provider.ToString();
        const string Marker = "Prefix: '";
        var start = text.IndexOf(Marker, StringComparison.Ordinal);
        return start < 0 || !text.EndsWith('\'') ? string.Empty : text[(start + Marker.Length)..^1];
    }
}

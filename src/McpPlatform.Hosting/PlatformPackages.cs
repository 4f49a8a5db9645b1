using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting;

/// <summary>
/// A capability shipped in a package of its own (the development authorization server, the Redis fleet store), so a
/// server that does not use it neither restores, copies nor loads its dependencies. The application only references the
/// package; <see cref="PlatformPackages"/> finds it at start-up.
/// </summary>
internal interface IPlatformPackage
{
    /// <summary>Registers the capability's services; false when its settings leave it off.</summary>
    bool Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment);

    /// <summary>Maps the capability's endpoints, if it has any.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}

/// <summary>
/// Finds the optional platform packages by name among the application's assemblies (an assembly that is not referenced
/// is not in the application's dependency list and cannot load), and names the missing package when the configuration
/// asks for what it brings.
/// </summary>
internal static class PlatformPackages
{
    public const string AuthorizationServer = "McpPlatform.Hosting.AuthorizationServer";
    public const string Redis = "McpPlatform.Hosting.Redis";

    private static readonly Dictionary<string, string> EntryTypes = new(StringComparer.Ordinal)
    {
        [AuthorizationServer] = "McpPlatform.Hosting.Authentication.AuthorizationServer.DevelopmentAuthorizationServerPackage",
        [Redis] = "McpPlatform.Hosting.Fleet.RedisFleetPackage",
    };

    /// <summary>The package's entry point, or null when the application does not reference the package.</summary>
    public static IPlatformPackage? Find(string package)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(package));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var type = assembly.GetType(EntryTypes[package], throwOnError: true)!;
        return (IPlatformPackage)Activator.CreateInstance(type, nonPublic: true)!;
    }

    /// <summary>The package's entry point; a start-up error naming the package and the setting that asked for it when it is missing.</summary>
    public static IPlatformPackage Require(string package, string askedBy) =>
        Find(package) ?? throw new InvalidOperationException(
            $"{askedBy}, which needs the package {package}, but the application does not reference it. " +
            $"Add it (dotnet add package {package}, the same version as McpPlatform.Hosting) or change the setting.");
}

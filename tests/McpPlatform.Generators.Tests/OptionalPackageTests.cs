using System.Reflection;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// McpPlatform.Hosting without its optional packages: this project references Hosting alone, so neither
/// McpPlatform.Hosting.Redis nor McpPlatform.Hosting.AuthorizationServer can load here, as in a scaffold made with
/// <c>--dev-sign-in false</c>. Settings that ask for what they bring fail the start naming the package.
/// </summary>
public sealed class OptionalPackageTests
{
    [Theory]
    [InlineData("McpPlatform.Hosting.Redis")]
    [InlineData("McpPlatform.Hosting.AuthorizationServer")]
    public void The_optional_packages_are_not_referenced_here(string package) =>
        Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName(package)));

    [Fact]
    public void A_redis_configuration_without_the_redis_package_fails_naming_the_package_and_the_setting()
    {
        var builder = Development(("McpPlatform:Redis:Configuration", "127.0.0.1:6379"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddMcpPlatform(new McpToolCatalog([])));

        Assert.Contains("McpPlatform:Redis:Configuration is set", error.Message);
        Assert.Contains("dotnet add package McpPlatform.Hosting.Redis", error.Message);
    }

    [Fact]
    public void An_explicitly_enabled_authorization_server_without_its_package_fails_naming_the_package()
    {
        var builder = Development(("McpPlatform:Authentication:DevelopmentAuthorizationServer:Enabled", "true"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddMcpPlatform(new McpToolCatalog([])));

        Assert.Contains("DevelopmentAuthorizationServer:Enabled is true", error.Message);
        Assert.Contains("McpPlatform.Hosting.AuthorizationServer", error.Message);
    }

    [Fact]
    public void The_development_defaults_run_without_either_package_and_register_no_openiddict_or_redis()
    {
        var builder = Development();

        builder.AddMcpPlatform(new McpToolCatalog([]));
        using var app = builder.Build();

        Assert.DoesNotContain(builder.Services, service => service.ServiceType.FullName!.StartsWith("OpenIddict", StringComparison.Ordinal));
        Assert.DoesNotContain(builder.Services, service => service.ServiceType.FullName!.Contains("Redis", StringComparison.Ordinal));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), assembly => assembly.GetName().Name is "OpenIddict.Server" or "StackExchange.Redis");
    }

    private static WebApplicationBuilder Development(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        return builder;
    }
}

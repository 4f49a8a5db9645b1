using System.Reflection;
using System.Reflection.Emit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// Documents the build declared (<c>[assembly: AssemblyMetadata("McpPlatform.OpenApi", "ns=path")]</c>, as
/// McpPlatform.OpenApi.targets writes it) are served from configuration alone, and fail start-up without a base URL.
/// The declaring assembly is made here with the attribute the build would compile in.
/// </summary>
public sealed class OpenApiDeclarationTests
{
    [Fact]
    public async Task A_declared_document_is_served_with_its_base_url_from_configuration()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:OpenApi:Apis:decl:BaseUrl"] = api.BaseUrl.AbsoluteUri,
                // Access classes from the settings the build reads too: a reviewer's override reaches the runtime.
                ["McpPlatform:OpenApi:Apis:decl:Access:Operations:createItem"] = "Destructive",
            },
            BeforePlatform = builder => builder.AddMcpOpenApiDeclarations(Declaring("decl=OpenApi/loopback-api.yaml")),
        });
        await using var client = await server.ConnectClientAsync();

        var tools = await client.ListToolsAsync();
        var result = await client.CallAsync("decl_get_item", """{"itemId":"declared"}""");

        Assert.Contains(tools, t => t.Name == "decl_list_items");
        Assert.True(Assert.Single(tools, t => t.Name == "decl_create_item").ProtocolTool.Annotations?.DestructiveHint);
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("/api/items/declared", result.SingleText());
    }

    [Fact]
    public async Task A_declared_document_without_a_base_url_fails_start_up_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(new ServerSetup
        {
            BeforePlatform = builder => builder.AddMcpOpenApiDeclarations(Declaring("decl=OpenApi/loopback-api.yaml")),
        }));

        Assert.Contains("McpPlatform:OpenApi:Apis:decl:BaseUrl is required", failure.Message);
    }

    [Fact]
    public async Task A_namespace_added_twice_is_refused()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(new ServerSetup
        {
            BeforePlatform = builder => builder
                .AddMcpOpenApiDeclarations(Declaring("decl=OpenApi/loopback-api.yaml"))
                .AddMcpOpenApi("decl", LoopbackApi.DocumentPath),
        }));

        Assert.Contains("The OpenAPI namespace 'decl' is added twice", failure.Message);
    }

    private static Assembly Declaring(string declaration)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Declaring" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        var metadata = typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!;
        assembly.SetCustomAttribute(new CustomAttributeBuilder(metadata, ["McpPlatform.OpenApi", declaration]));
        return assembly;
    }
}

using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// McpPlatform:OpenApi:NativeToolLimit: up to the limit, OpenAPI operations are native tools; past it a plain
/// connection lists the generated tools plus search and execute, and a direct call of an operation is refused with
/// the way to reach it. ?codemode=search_and_execute always gets the two tools only.
/// </summary>
public sealed class OperationSurfaceTests
{
    [Fact]
    public async Task Up_to_the_limit_operations_are_listed_as_native_tools_and_called_directly()
    {
        await using var server = await StartAsync(limit: 3);
        await using var client = await server.ConnectClientAsync();

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var call = await client.CallToolAsync("pets_get_pet", new Dictionary<string, object?> { ["id"] = "7" });

        Assert.Contains("pets_list_pets", names);
        Assert.Contains("echo", names);
        Assert.DoesNotContain("search", names);
        Assert.Equal("/pets/{id}", call.StructuredContent!.Value.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Past_the_limit_a_plain_connection_gets_search_and_execute_beside_the_generated_tools()
    {
        await using var server = await StartAsync(limit: 2);
        await using var client = await server.ConnectClientAsync();

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var found = await client.SearchAsync("async () => codemode.search('get a pet', { limit: 1 }).map(t => [t.name, t.method, t.path])");
        var called = await client.ExecuteAsync("async () => (await codemode.pets_get_pet({ id: '42' })).arguments.id");

        Assert.Contains("echo", names);
        Assert.Contains("search", names);
        Assert.Contains("execute", names);
        Assert.DoesNotContain(names, n => n.StartsWith("pets_", StringComparison.Ordinal));
        Assert.Equal("""[["pets_get_pet","GET","/pets/{id}"]]""", found.Result().GetRawText());
        Assert.Equal("42", called.Result().GetString());
    }

    [Fact]
    public async Task A_direct_call_of_an_operation_offered_through_code_mode_is_refused_with_the_way_to_reach_it()
    {
        await using var server = await StartAsync(limit: 0);
        await using var client = await server.ConnectClientAsync();

        var refusal = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("pets_get_pet", new Dictionary<string, object?> { ["id"] = "7" }).AsTask());
        var generated = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "still direct" });

        Assert.Contains("offers through Code Mode (3 operations, more than McpPlatform:OpenApi:NativeToolLimit = 0)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("call it with the execute tool as codemode.pets_get_pet(args)", refusal.Message, StringComparison.Ordinal);
        Assert.NotEqual(true, generated.IsError);
    }

    [Fact]
    public async Task Code_mode_connections_see_only_search_and_execute_whatever_the_limit()
    {
        await using var server = await StartAsync(limit: 64);
        await using var client = await server.ConnectCodeModeAsync();

        var names = (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var called = await client.ExecuteAsync("async () => (await codemode.pets_list_pets()).operation");

        Assert.Equal(["execute", "search"], names);
        Assert.Equal("pets_list_pets", called.Result().GetString());
    }

    [Fact]
    public async Task With_code_mode_turned_off_operations_stay_in_the_list_past_the_limit()
    {
        await using var server = await StartAsync(limit: 0, new() { ["McpPlatform:CodeMode:Enabled"] = "false" });
        await using var client = await server.ConnectClientAsync();

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.Contains("pets_create_pet", names);
        Assert.DoesNotContain("search", names);
    }

    [Fact]
    public async Task A_negative_limit_stops_the_server_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(limit: -1));

        Assert.Contains("McpPlatform:OpenApi:NativeToolLimit must be 0 or more", failure.Message, StringComparison.Ordinal);
    }

    private static Task<RunningServer> StartAsync(int limit, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["McpPlatform:OpenApi:NativeToolLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RunningServer.StartAsync(new ServerSetup
        {
            Settings = settings,
            ExtraTools = OpenApiTestOperations.Tools(OpenApiTestOperations.Petstore, "pets"),
        });
    }
}

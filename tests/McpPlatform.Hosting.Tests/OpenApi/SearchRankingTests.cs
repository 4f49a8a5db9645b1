using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// codemode.search ranks BM25F-style: each field's term counts are saturated and normalised by the field's length, so a
/// long description that repeats a word many times does not outrank a short operation whose name, path and summary say it.
/// </summary>
public sealed class SearchRankingTests
{
    // "lock" 28 times in a description of 805 characters; the short operation says it in its name, path and summary once each.
    private static readonly string Document = """
        {"openapi":"3.0.3","info":{"title":"Repos","version":"1"},"paths":{
        "/repos/{id}/settings":{"patch":{"operationId":"updateRepositorySettings","summary":"Update repository settings","description":"When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy. When the branch lock setting is on, the lock applies to every branch and a lock holder may change the lock policy.","tags":["repos"],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
        "/issues/{id}/lock":{"put":{"operationId":"lockIssue","summary":"Lock an issue","tags":["issues"],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"204":{"description":"ok"}}}},
        "/issues/{id}":{"get":{"operationId":"getIssue","summary":"Get an issue","tags":["issues"],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
        "/issues":{"get":{"operationId":"listIssues","summary":"List issues","tags":["issues"],"responses":{"200":{"description":"ok"}}}},
        "/repos/{id}":{"get":{"operationId":"getRepository","summary":"Get a repository","tags":["repos"],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}}
        """;

    [Fact]
    public async Task A_short_exact_match_outranks_a_long_description_that_repeats_the_term()
    {
        var operations = OpenApiTestOperations.LoadText(Document);
        Assert.Contains(operations, o => o.Description.Length > 700 && o.Description.Split("lock").Length > 25);
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?> { ["McpPlatform:OpenApi:NativeToolLimit"] = "0" },
            ExtraTools = OpenApiTestOperations.Tools(operations, "gh"),
        });
        await using var client = await server.ConnectClientAsync();

        var lockFirst = await client.SearchAsync("async () => codemode.search('lock', { limit: 2 }).map(t => t.name)");
        var phrase = await client.SearchAsync("async () => codemode.search('lock issue', { limit: 2 }).map(t => t.name)");

        Assert.Equal("""["gh_lock_issue","gh_update_repository_settings"]""", lockFirst.Result().GetRawText());
        Assert.Equal("gh_lock_issue", phrase.Result()[0].GetString());
    }
}

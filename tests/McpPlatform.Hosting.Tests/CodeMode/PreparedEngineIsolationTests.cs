namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// Engines are prepared ahead and each serves one execution (src/McpPlatform.Hosting/CodeMode/SandboxEngines): what one
/// script leaves behind (globals, changed or frozen builtins, closures, promises that never settle) is not there for the
/// next execution on the same server, and every limit is counted afresh per execution.
/// </summary>
public sealed class PreparedEngineIsolationTests(LimitedServerFixture fixture) : IClassFixture<LimitedServerFixture>
{
    private const string Tamper = """
        async () => {
          globalThis.leaked = 'global';
          var declared = 'var';
          Object.prototype.polluted = 1;
          Array.prototype.push = function () { return 'hijacked'; };
          JSON.stringify = () => '"stolen"';
          Object.freeze(String.prototype);
          const secret = { value: 'closure' };
          globalThis.keep = () => secret.value;
          new Promise(() => {});
          Promise.resolve().then(() => { globalThis.late = 'late'; });
          return 'tampered';
        }
        """;

    private const string Look = """
        async () => {
          const a = [];
          const pushed = a.push(1);
          String.prototype.mine = 1;
          return [typeof leaked, typeof declared, ({}).polluted === undefined, pushed, Object.isFrozen(String.prototype),
                  typeof keep, typeof late, JSON.stringify({ ok: true })];
        }
        """;

    [Fact]
    public async Task Nothing_one_execution_changes_is_seen_by_the_next()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("tampered", (await client.ExecuteAsync(Tamper)).Result().GetString());

            var seen = (await client.ExecuteAsync(Look)).Result().EnumerateArray().Select(e => e.ToString()).ToArray();

            Assert.Equal(["undefined", "undefined", "True", "1", "False", "undefined", "undefined", """{"ok":true}"""], seen);
        }
    }

    [Fact]
    public async Task Each_execution_has_its_own_memory_budget_and_statement_count()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        for (var round = 0; round < 3; round++)
        {
            // About 6 MB of the 16 MB budget in each execution: three rounds would overrun one shared budget.
            var nearBudget = await client.ExecuteAsync("async () => { const keep = []; for (let i = 0; i < 3; i++) keep.push('x'.repeat(5e5) + i); return keep.length; }");
            Assert.Equal(3, nearBudget.Result().GetInt32());
            Assert.Contains("MemoryLimitBytes", (await client.ExecuteAsync("async () => { let s = 'x'; while (true) s += s; }")).Error(), StringComparison.Ordinal);
            Assert.Contains("MaxStatements", (await client.ExecuteAsync("async () => { while (true) {} }")).Error(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_script_run_again_from_the_prepared_code_cache_meets_the_same_limits_and_errors()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        // The second and third runs use the kept parse (PreparedCode): its regular expressions still time out under
        // RegexTimeout, a syntax error is still reported with its position, and a counter the script keeps starts over.
        for (var round = 0; round < 3; round++)
        {
            Assert.Contains("RegexTimeout", (await client.ExecuteAsync("async () => /^(a+)+$/.test('a'.repeat(40) + '!')")).Error(), StringComparison.Ordinal);
            Assert.Contains("SyntaxError", (await client.ExecuteAsync("async () => { return 1 +; }")).Error(), StringComparison.Ordinal);
            Assert.Equal(1, (await client.ExecuteAsync("async () => { globalThis.runs = (globalThis.runs ?? 0) + 1; return runs; }")).Result().GetInt32());
        }
    }
}

using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// Scripts that try to escape or exhaust the sandbox: each ends in a tool error that says why,
/// and the same connection then runs a normal execution.
/// </summary>
public sealed class HostileScriptTests(LimitedServerFixture fixture) : IClassFixture<LimitedServerFixture>
{
    [Theory]
    [InlineData("infinite loop", "while (true) {}", "MaxStatements")]
    [InlineData("infinite loop in a promise job", "await Promise.resolve(); for (;;) {}", "MaxStatements")]
    [InlineData("string doubling", "let s = 'x'; while (true) s += s; return s.length;", "MemoryLimitBytes")]
    [InlineData("string repeat", "return 'x'.repeat(2 ** 27).length;", "MemoryLimitBytes")]
    [InlineData("string padding", "return 'x'.padStart(2 ** 27).length;", "MemoryLimitBytes")]
    [InlineData("joined array", "return new Array(50000).join('y'.repeat(1000)).length;", "MemoryLimitBytes")]
    [InlineData("memory spread over awaits", "const keep = []; for (let i = 0; i < 5; i++) { keep.push('x'.repeat(3e6) + i); await codemode.echo({ text: 'turn' }); } return keep.length;", "MemoryLimitBytes")]
    [InlineData("huge array", "return new Array(1e9).fill(0).length;", "MaxArrayLength")]
    [InlineData("array from length", "return Array.from({ length: 1e8 }).length;", "MaxArrayLength")]
    [InlineData("binary buffer", "return new ArrayBuffer(2 ** 30).byteLength;", "ArrayBuffer is not defined")]
    [InlineData("typed array", "return new Uint8Array(2 ** 28).length;", "Uint8Array is not defined")]
    [InlineData("buffer from another realm", "return new ShadowRealm().evaluate('new ArrayBuffer(2 ** 30).byteLength');", "ShadowRealm is not defined")]
    [InlineData("growing array", "const a = []; while (true) a.push('x'.repeat(1000) + a.length);", "MemoryLimitBytes")]
    [InlineData("deep recursion", "function f(n) { return f(n + 1) + 1; } return f(0);", "MaxRecursionDepth")]
    [InlineData("recursion through getters", "const o = { get x() { return this.x; } }; return o.x;", "MaxRecursionDepth")]
    [InlineData("catastrophic regex", "return /^(a+)+$/.test('a'.repeat(40) + '!');", "RegexTimeout")]
    [InlineData("runaway promise chain", "const spin = () => Promise.resolve().then(spin); spin(); return 1;", "MemoryLimitBytes|MaxStatements")]
    [InlineData("runaway async recursion", "const spin = async () => { await null; return spin(); }; return await spin();", "MemoryLimitBytes|MaxStatements")]
    [InlineData("too many inner calls", "for (let i = 0; i < 50; i++) await codemode.echo({ text: 'x' + i });", "MaxInnerCalls")]
    [InlineData("too many inner calls, each caught", "for (let i = 0; i < 50; i++) { try { await codemode.echo({ text: 'x' }); } catch (e) { } } return 'kept going';", "MaxInnerCalls")]
    [InlineData("too many inner calls at once", "return await Promise.all(Array.from({ length: 50 }, (_, i) => codemode.echo({ text: 'x' + i })));", "MaxInnerCalls")]
    public async Task A_hostile_script_ends_in_an_error_naming_the_limit_and_the_server_keeps_serving(string what, string code, string limit)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync(code);

        var error = result.Error();
        Assert.True(limit.Split('|').Any(l => error.Contains(l, StringComparison.Ordinal)), $"{what}: expected an error naming {limit}, got: {error}");
        await AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task A_promise_that_never_settles_is_reported_instead_of_hanging()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("await new Promise(() => {}); return 1;");

        Assert.Contains("never settled", result.Error());
        await AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task Constructor_constructor_yields_only_the_sandbox_global()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            const viaObject = ({}).constructor.constructor('return this')();
            const viaTool = codemode.echo.constructor.constructor('return this')();
            const viaCodemode = codemode.constructor.constructor('return this')();
            const names = Object.getOwnPropertyNames(viaObject);
            return {
              same: viaObject === globalThis && viaTool === globalThis && viaCodemode === globalThis,
              hostNames: names.filter(n => /process|require|System|importNamespace|clr|host|fetch|setTimeout/i.test(n)),
              evalGlobal: eval('typeof process') + ',' + new Function('return typeof require')(),
            };
            """);

        var value = result.Result();
        Assert.True(value.GetProperty("same").GetBoolean());
        Assert.Empty(value.GetProperty("hostNames").EnumerateArray());
        Assert.Equal("undefined,undefined", value.GetProperty("evalGlobal").GetString());
    }

    [Fact]
    public async Task Host_objects_are_not_reachable()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            return [
              typeof process, typeof globalThis.process, typeof require, typeof importNamespace, typeof System, typeof clr,
              typeof fetch, typeof setTimeout, typeof setInterval, typeof XMLHttpRequest, typeof module, typeof host,
              typeof codemode.constructor.getType, typeof codemode.echo.getType, typeof Object.getPrototypeOf(codemode.echo).getType,
            ].join(',');
            """);

        Assert.Equal(string.Join(',', Enumerable.Repeat("undefined", 15)), result.Result().GetString());
    }

    [Fact]
    public async Task Import_is_refused()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var dynamicImport = await client.ExecuteAsync("const fs = await import('fs'); return typeof fs;");
        var staticImport = await client.ExecuteAsync("import fs from 'fs';\nreturn 1;");

        Assert.Contains("import is not available", dynamicImport.Error());
        Assert.Contains("SyntaxError", staticImport.Error());
        await AssertServesNormalCallAsync(client);
    }

    [Fact]
    public async Task Mutating_codemode_and_builtins_does_not_reach_the_next_execution()
    {
        await using var attacker = await fixture.Server.ConnectCodeModeAsync();
        await using var victim = await fixture.Server.ConnectCodeModeAsync();

        var attack = await attacker.ExecuteAsync("""
            'use strict';
            const attempts = [];
            const tryIt = (what, f) => { try { f(); attempts.push(what + ':ok'); } catch (e) { attempts.push(what + ':refused'); } };
            tryIt('replace tool', () => { codemode.echo = async () => 'hacked'; });
            tryIt('delete tool', () => { delete codemode.echo; });
            tryIt('replace codemode', () => { globalThis.codemode = {}; });
            tryIt('define on codemode', () => { Object.defineProperty(codemode, 'echo', { value: 1 }); });
            Object.prototype.hacked = 'yes';
            Array.prototype.map = function () { return ['hacked']; };
            JSON.stringify = () => '"hacked"';
            return attempts.join(',');
            """);
        var breakPromises = await attacker.ExecuteAsync("Promise.prototype.then = function () { return 'hacked'; }; return 1;");
        var clean = await victim.ExecuteAsync("""
            const echoed = await codemode.echo({ text: 'clean' });
            return { echoed, hacked: typeof ({}).hacked, mapped: [1, 2].map(x => x * 2) };
            """);

        Assert.Equal("replace tool:refused,delete tool:refused,replace codemode:refused,define on codemode:refused", attack.Result().GetString());
        Assert.Contains("never settled", breakPromises.Error()); // it only broke its own engine
        var value = clean.Result();
        Assert.Equal("clean", value.GetProperty("echoed").GetString());
        Assert.Equal("undefined", value.GetProperty("hacked").GetString());
        Assert.Equal("[2,4]", value.GetProperty("mapped").GetRawText());
    }

    internal static async Task AssertServesNormalCallAsync(McpClient client)
    {
        var normal = await client.ExecuteAsync("async () => { const sum = await codemode.add_numbers({ a: 2, b: 3 }); return Number(sum) * 2; }");
        Assert.Equal(10, normal.Result().GetInt32());
    }
}

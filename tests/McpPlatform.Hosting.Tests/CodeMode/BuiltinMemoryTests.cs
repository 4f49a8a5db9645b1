namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// One native builtin call can build a string or array far larger than the whole memory budget
/// before any statement-level check runs. Each of these is refused before it allocates: the
/// script catches a RangeError naming the limit, still has its budget, and the server keeps serving.
/// </summary>
public sealed class BuiltinMemoryTests(MemoryBoundServerFixture fixture) : IClassFixture<MemoryBoundServerFixture>
{
    [Theory]
    [InlineData("padStart", "'x'.padStart(2 ** 25)")]
    [InlineData("padEnd", "'x'.padEnd(2 ** 25, 'ab')")]
    [InlineData("repeat", "'x'.repeat(2 ** 25)")]
    [InlineData("concat of strings", "s.concat(...new Array(200).fill(s))")]
    [InlineData("join of shared strings", "new Array(90000).fill(k).join('')")]
    [InlineData("join with a big separator", "new Array(90000).join(k)")]
    [InlineData("join on an array-like", "Array.prototype.join.call({ length: 2 ** 40 }, k)")]
    [InlineData("toLocaleString", "new Array(90000).fill(k).toLocaleString()")]
    [InlineData("implicit toString", "String(new Array(90000).fill(k))")]
    [InlineData("template literal", "`${new Array(90000).fill(k)}`")]
    [InlineData("String.raw", "String.raw({ raw: { length: 2 ** 40 } })")]
    [InlineData("String.raw with shared segments", "String.raw({ raw: new Array(90000).fill(k) })")]
    [InlineData("eval of a long source", "eval('[' + '1,'.repeat(2e5) + ']')")]
    [InlineData("Function of a long source", "new Function('return [' + 'a,'.repeat(2e5) + ']')")]
    [InlineData("async Function of a long source", "(async () => {}).constructor('return [' + 'a,'.repeat(2e5) + ']')")]
    [InlineData("Array(n).fill", "new Array(4e6).fill(0)")]
    [InlineData("Array.from a length", "Array.from({ length: 4e6 })")]
    [InlineData("concat of arrays", "(a => a.concat(a, a, a))(new Array(1e6))")]
    [InlineData("Object.keys of a string", "Object.keys(s.repeat(8))")]
    [InlineData("Object.entries of a string", "Object.entries(s)")]
    [InlineData("Reflect.ownKeys of a string", "Reflect.ownKeys(s.repeat(8))")]
    [InlineData("apply of an array-like", "Math.max.apply(null, { length: 4e6 })")]
    [InlineData("String.fromCharCode", "String.fromCharCode.apply(null, new Array(3e6).fill(65))")]
    [InlineData("JSON.stringify of shared references", "(t => { for (let i = 0; i < 30; i++) t = { a: t, b: t }; return JSON.stringify(t); })({ a: k })")]
    [InlineData("JSON.stringify with a replacer", "JSON.stringify(new Array(5000).fill(0), (key, v) => key === '' ? v : k)")]
    [InlineData("JSON.stringify escapes", "JSON.stringify('\\0'.repeat(2 ** 20))")]
    [InlineData("JSON.parse", "JSON.parse('[' + '[],'.repeat(2 ** 18) + '[]]')")]
    [InlineData("replaceAll with a big replacement", "s.replaceAll('x', k)")]
    [InlineData("replace with $'", "s.replace(/x/g, \"$'\")")]
    [InlineData("replace with a function", "s.replace(/x/g, () => k)")]
    [InlineData("RegExp Symbol.replace", "/x/g[Symbol.replace](s, k)")]
    public async Task A_builtin_that_would_exceed_the_budget_is_refused_before_it_allocates(string what, string expression)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync($$"""
            const k = 'k'.repeat(1000), s = 'x'.repeat(100000);
            let refused;
            try { const built = {{expression}}; return 'built ' + built.length; } catch (e) { refused = e.name + ': ' + e.message; }
            // Nothing was allocated: the budget is still there for the rest of the script.
            return [refused, 'y'.repeat(2 ** 16).length];
            """);

        var value = result.Result();
        var message = value[0].GetString()!;
        Assert.True(message.StartsWith("RangeError", StringComparison.Ordinal) && message.Contains("McpPlatform:CodeMode:MemoryLimitBytes", StringComparison.Ordinal), $"{what}: {message}");
        Assert.Equal(1 << 16, value[1].GetInt32());
        await HostileScriptTests.AssertServesNormalCallAsync(client);
    }

    [Theory]
    [InlineData("join", "[1, [2, 3], null, undefined, 'x'].join('-')", "1-2,3---x")]
    [InlineData("join of itself", "(a => { a.push(a, 2); return a.join(); })([1])", "1,,2")]
    [InlineData("toLocaleString", "[1, 'a', [2]].toLocaleString()", "1,a,2")]
    [InlineData("replace patterns", "'a-b-c'.replace(/(\\w)-(?<n>\\w)/g, \"[$2$1|$<n>|$&|$$|$`]\")", "[ba|b|a-b|$|]-c")]
    [InlineData("replaceAll with a function", "'aXbXc'.replaceAll('X', (m, at) => at)", "a1b3c")]
    [InlineData("replace with $' and $10", "'abc'.replace('b', \"$'$10\")", "ac$10c")]
    [InlineData("stringify", "JSON.stringify({ b: 1, a: [1, { c: 'x\\n' }], d: undefined }, null, 1)", "{\n \"b\": 1,\n \"a\": [\n  1,\n  {\n   \"c\": \"x\\n\"\n  }\n ]\n}")]
    [InlineData("stringify with a name list", "JSON.stringify({ a: 1, b: { a: 2, c: 3 }, c: 4 }, ['a', 'b'])", "{\"a\":1,\"b\":{\"a\":2}}")]
    [InlineData("stringify with a replacer", "JSON.stringify({ a: 1, b: 2 }, (k, v) => k === 'a' ? undefined : v)", "{\"b\":2}")]
    [InlineData("padStart and concat", "'7'.padStart(3, '0').concat('-', 1, null)", "007-1null")]
    [InlineData("fill", "[1, 2, 3, 4].fill(0, 1, -1).join()", "1,0,0,4")]
    [InlineData("eval and Function", "[eval('1 + 1'), new Function('a', 'b', 'return a + b')(1, 2), Function('return 4')(), (() => {}) instanceof Function, eval(5) === 5, (async () => {}).constructor('return 6') instanceof Function].join()", "2,3,4,true,true,true")]
    [InlineData("String.raw", "String.raw`a${1}\\n${'b'}c` + String.raw({ raw: ['x', 'y'] }, 1, 2)", "a1\\nbcx1y")]
    public async Task Checked_builtins_give_the_same_results_as_the_native_ones(string what, string expression, string expected)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync($"return {expression};");

        Assert.True(expected == result.Result().GetString(), $"{what}: {result.Result()}");
    }
}

using System.Text.Json;
using Microsoft.ML.Tokenizers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Bench;

/// <summary>
/// Tokens a model reads before its first call: the native tools/list of all upstreams together (what a client connected
/// to each of them directly would load) vs the portal's Code Mode surface (<c>?codemode=search_and_execute</c>), counted
/// in o200k_base as <c>mcp-platform tokens</c> counts them (the compact tools/list result JSON).
/// </summary>
public static class SurfaceTokens
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static async Task RunAsync(int[] counts)
    {
        await using var upstreams = await SurfaceUpstreams.StartAsync();
        Console.WriteLine();
        Console.WriteLine("Code Mode surface, o200k_base tokens of the tools/list result");
        Console.WriteLine($"{"upstreams",-10}{"tools",7}{"native (all upstreams)",24}{"portal (namespaced)",21}{"portal Code Mode",18}  upstreams");
        foreach (var count in counts)
        {
            var chosen = upstreams.All.Take(count).ToList();
            var settings = chosen.SelectMany(u => u.PortalSettings).ToDictionary(pair => pair.Key, pair => pair.Value);
            await using var portal = await BenchPortal.StartAsync(settings, chosen.Select(u => u.Namespace + "_" + u.SampleTool).ToList(), governed: false);

            var native = chosen.SelectMany(u => u.NativeTools).ToList();
            var namespaced = await ListAsync(new Uri(portal.McpUri, "?codemode=false"));
            var codeMode = await ListAsync(new Uri(portal.McpUri, "?codemode=search_and_execute"));
            Console.WriteLine($"{count,-10}{native.Count,7}{Tokens(native),24}{Tokens(namespaced),21}{Tokens(codeMode),18}  {string.Join(", ", chosen.Select(u => u.Namespace))}");
            if (codeMode.Count != 2)
            {
                Console.Error.WriteLine($"the portal's Code Mode list has {codeMode.Count} tools: {string.Join(", ", codeMode.Select(t => t.Name))}");
            }
        }
    }

    private static int Tokens(IReadOnlyList<Tool> tools) =>
        O200k.Value.CountTokens(JsonSerializer.Serialize(new ListToolsResult { Tools = [.. tools] }, McpJsonUtilities.DefaultOptions));

    private static async Task<IReadOnlyList<Tool>> ListAsync(Uri url)
    {
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = url, TransportMode = HttpTransportMode.StreamableHttp }));
        return (await client.ListToolsAsync()).Select(t => t.ProtocolTool).ToList();
    }
}

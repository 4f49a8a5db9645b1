using System.Text;
using McpPlatform.Cli.ShadowScan;

namespace McpPlatform.Cli.Tests.ShadowScan;

public sealed class DetectionLayerTests
{
    private static readonly McpTrafficDetector Detector = new(KnownMcpHosts.BuiltIn());

    [Theory]
    [InlineData("/mcp", true)]
    [InlineData("/mcp/", true)]
    [InlineData("/mcp/sse", true)]
    [InlineData("/MCP/SSE/", true)]
    [InlineData("/v1/mcp", true)]
    [InlineData("/mcp?session=1", true)]
    [InlineData("/tenant/42/mcp/sse#x", true)]
    [InlineData("/mcp-docs", false)]
    [InlineData("/mcp/docs", false)]
    [InlineData("/blog/mcp.html", false)]
    [InlineData("/notmcp", false)]
    [InlineData("/sse", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    public void Path_layer_matches_mcp_endpoints_only(string path, bool expected) =>
        Assert.Equal(expected, McpTrafficDetector.IsMcpPath(Encoding.UTF8.GetBytes(path)));

    [Theory]
    [InlineData("mcp.stripe.com", "/", true)]
    [InlineData("mcp.anything.example", "/", true)]
    [InlineData("observability.mcp.cloudflare.com", "/sse", true)]
    [InlineData("api.githubcopilot.com", "/mcp/", true)]
    [InlineData("api.githubcopilot.com", "/mcp/x/readonly", true)]
    [InlineData("api.githubcopilot.com", "/chat/completions", false)]
    [InlineData("api.githubcopilot.com", "/mcpx", false)]
    [InlineData("mcpherson.com", "/", false)]
    [InlineData("www.mcp-news.com", "/", false)]
    [InlineData("notmcp.example.com", "/", false)]
    [InlineData("mcp", "/", false)]
    public void Hostname_layer_matches_known_and_mcp_dot_hosts(string host, string path, bool expected) =>
        Assert.Equal(expected, Detector.IsMcpHost(host, Encoding.UTF8.GetBytes(path)));

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""")]
    [InlineData("""{ "method" : "tools/call", "params": {"name":"x"}, "jsonrpc" : "2.0", "id": 2 }""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"prompts/get"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"sampling/createMessage"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"roots/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"custom/hello","params":{"protocolVersion":"2026-01-31"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2024-11-05","capabilities":{}}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"resources/list"}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"text":"a very long argument that the gatew""")]
    public void JsonRpc_layer_matches_mcp_messages(string body) =>
        Assert.True(McpJsonRpc.IsMcpMessage(Encoding.UTF8.GetBytes(body)), body);

    [Theory]
    [InlineData("""{"method":"GET","url":"/mcp"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}""")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"tools/call"}""")]
    [InlineData("""{"id":1,"method":"tools/call"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"protocolVersion":"2019-01-01"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"nested":{"method":"tools/call"}}}""")]
    [InlineData("""{"text":"send jsonrpc 2.0 with \"method\":\"tools/call\""}""")]
    [InlineData("""jsonrpc tools/call initialize""")]
    [InlineData("")]
    public void JsonRpc_layer_ignores_other_json(string body) =>
        Assert.False(McpJsonRpc.IsMcpMessage(Encoding.UTF8.GetBytes(body)), body);

    [Theory]
    [InlineData("a.corp.example.com", true)]
    [InlineData("a.b.corp.example.com", true)]
    [InlineData("A.Corp.Example.com:8443", true)]
    [InlineData("corp.example.com", false)]
    [InlineData("evilcorp.example.com", false)]
    [InlineData("a.corp.example.com.evil.net", false)]
    [InlineData("github-mcp.approved.example", true)]
    [InlineData("x.github-mcp.approved.example", false)]
    public void Allow_list_wildcards_cover_subdomains_only(string host, bool approved)
    {
        var list = new HostAllowList();
        list.Add("*.corp.example.com");
        list.Add("GitHub-MCP.approved.example.");

        Assert.Equal(approved, list.IsApproved(host));
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>
/// A server with OpenAPI operations through the CLI: each declared document its own review-page section after the
/// server's own tools, and `manifest diff --json` naming the document of each change to its operations.
/// </summary>
public sealed class OpenApiReviewPageTests : IDisposable
{
    private static readonly string ShopV1 = "sha256:" + new string('1', 64);
    private static readonly string ShopV2 = "sha256:" + new string('2', 64);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonObject Server(string shopHash, params JsonObject[] more) => TestManifest.Create(
    [
        TestManifest.Tool("issues_search"),
        TestManifest.Tool("shop_list_orders").FromOpenApi("shop", "GET", "/orders", "listOrders", shopHash),
        TestManifest.Tool("shop_cancel_order", "destructive").FromOpenApi("shop", "DELETE", "/orders/{orderId}", "cancelOrder", shopHash),
        TestManifest.Tool("billing_get_invoice").FromOpenApi("billing", "GET", "/invoices/{id}", null, "sha256:" + new string('b', 64)),
        .. more,
    ]);

    private static List<string> RowsIn(string html, string sectionId)
    {
        var start = html.IndexOf($"id=\"{sectionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {sectionId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return Regex.Matches(html[start..end], "<tr class=\"tool(?: [^\"]*)?\" data-tool=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task Each_openapi_document_is_its_own_section_with_its_operations()
    {
        TestManifest.Write(Server(ShopV1), _folder.Combine(ManifestFiles.ManifestFileName));
        var review = _folder.Combine("review.html");

        (await CliRun.RunAsync("manifest", "review", _folder.Path, "--out", review)).EnsureSuccess();

        var html = File.ReadAllText(review);
        Assert.Equal(["issues_search"], RowsIn(html, "tools"));
        Assert.Equal(["billing_get_invoice"], RowsIn(html, "openapi-billing"));
        Assert.Equal(["shop_cancel_order", "shop_list_orders"], RowsIn(html, "openapi-shop"));
        Assert.True(html.IndexOf("id=\"openapi-billing\"", StringComparison.Ordinal) < html.IndexOf("id=\"openapi-shop\"", StringComparison.Ordinal));
        Assert.Contains("<h2>OpenAPI <code>shop</code> (2 operations)</h2>", html);
        Assert.Contains("<dt>OpenAPI documents</dt><dd>2: <code>billing</code> <code>shop</code></dd>", html);
        Assert.Contains("<div class=\"operation\"><code>DELETE /orders/{orderId}</code> operationId <code>cancelOrder</code></div>", html);
        Assert.Contains($"Document <span class=\"hash\">{ShopV1}</span>", html);
    }

    [Fact]
    public async Task Diff_names_the_document_of_each_change_and_what_the_new_version_adds()
    {
        var before = TestManifest.Write(Server(ShopV1), _folder.Combine("v1.json"));
        var after = TestManifest.Write(
            Server(ShopV2, TestManifest.Tool("shop_create_order", "write").FromOpenApi("shop", "POST", "/orders", "createOrder", ShopV2)),
            _folder.Combine("v2.json"));

        var result = await CliRun.RunAsync("manifest", "diff", before, after, "--json");

        Assert.Equal(1, result.ExitCode);
        var changes = JsonNode.Parse(result.Stdout)!["changes"]!.AsArray();
        var document = Assert.Single(changes, c => (string?)c!["kind"] == "openapi-changed");
        Assert.Equal("shop", (string?)document!["openapi"]);
        Assert.Equal("server", (string?)document["subject"]);
        Assert.Contains("added 1 (\"shop_create_order\")", (string?)document["message"]);
        var added = Assert.Single(changes, c => (string?)c!["kind"] == "tool-added");
        Assert.Equal("shop", (string?)added!["openapi"]);
        Assert.Null(Assert.Single(changes, c => (string?)c!["kind"] == "tool-added")!["upstream"]);
    }
}

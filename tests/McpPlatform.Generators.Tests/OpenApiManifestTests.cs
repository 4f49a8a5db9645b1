using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// OpenAPI operations in the governance manifest: the build's description of a real document goes through the
/// generator into mcp-manifest.json, read back and verified by the governance core's reader; policy and data rules
/// apply to operations as to generated tools; two versions of one document diff as adds, removes and widens.
/// </summary>
public sealed class OpenApiManifestTests
{
    [Fact]
    public void Every_operation_is_a_tool_with_its_access_class_schema_hashes_and_openapi_section()
    {
        var run = Run("shop-v1.yaml");

        Assert.Empty(run.Diagnostics);
        var manifest = ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
        Assert.Equal(
            ["issues.create", "issues.delete", "issues.search", "reports_export", "reports_schedule", "shop_archive_order", "shop_get_order", "shop_list_orders", "shop_search_orders"],
            manifest.Tools.Select(t => t.Name));
        var list = manifest.FindTool("shop_list_orders")!;
        Assert.Equal(ToolAccess.Read, list.Access);
        Assert.Equal("shop", list.ToolSet);
        Assert.Equal(["mcp:read", "orders:read"], list.RequiredScopes);
        Assert.Equal(["default-read"], list.GrantedBy);
        Assert.Equal(CanonicalJson.Sha256(list.OutputSchema!.Value), list.OutputSchemaHash);
        Assert.Equal(new ManifestOpenApi("shop", "GET", "/orders", "listOrders", list.OpenApi!.Scopes, list.OpenApi.DocumentHash), list.OpenApi);
        Assert.Equal(["orders:read"], list.OpenApi.Scopes);
        Assert.Equal(McpPlatform.Build.OperationsFile.DocumentHash(OpenApiInputs.DocumentPath("shop-v1.yaml")), list.OpenApi.DocumentHash);

        var archive = manifest.FindTool("shop_archive_order")!;
        Assert.Equal(ToolAccess.Write, archive.Access);
        Assert.Equal(["mcp:read", "mcp:write", "orders:read", "orders:write"], archive.RequiredScopes);
        Assert.Null(archive.OutputSchema);
        Assert.Null(manifest.FindTool("issues.search")!.OpenApi);
        Assert.Null(manifest.FindTool("issues.search")!.OutputSchemaHash);
    }

    [Fact]
    public void The_tool_entry_is_written_in_the_manifest_form_with_the_openapi_section_on_one_line()
    {
        var text = Run("shop-v1.yaml").ManifestText();

        Assert.Contains(
            "      \"openapi\": { \"namespace\": \"shop\", \"method\": \"GET\", \"path\": \"/orders/{orderId}\", \"operationId\": \"getOrder\", \"scopes\": [ \"orders:read\" ], \"documentHash\": \"sha256:",
            text);
        Assert.Contains("      \"annotations\": { \"readOnly\": true, \"idempotent\": true, \"openWorld\": true },", text);
    }

    [Fact]
    public void Policy_rules_data_rules_and_access_overrides_apply_to_operations_like_to_generated_tools()
    {
        var run = Run("shop-v1.yaml", """
            {
              "McpPlatform": {
                "Policy": { "Rules": [ { "Name": "shop-writers", "Tools": [ "shop_*" ], "Access": [ "Write" ], "Groups": [ "sales" ] } ] },
                "Dlp": { "Rules": [ { "Name": "order-ids", "Pattern": "ORD-[0-9]+", "Action": "Redact", "Tools": [ "shop/*" ] } ] },
                "OpenApi": { "Apis": { "shop": { "Access": { "Operations": { "searchOrders": "Read" } } } } }
              }
            }
            """);

        var manifest = ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
        Assert.Equal(["shop-writers"], manifest.FindTool("shop_archive_order")!.GrantedBy);
        Assert.Equal(ToolAccess.Read, manifest.FindTool("shop_search_orders")!.Access);
        Assert.Equal(["default-read"], manifest.FindTool("shop_search_orders")!.GrantedBy);
        Assert.Contains("order-ids", manifest.FindTool("shop_get_order")!.DataRules.Select(r => r.Name));
        Assert.DoesNotContain("order-ids", manifest.FindTool("issues.search")!.DataRules.Select(r => r.Name));
    }

    [Fact]
    public void Every_operation_lists_the_secret_name_of_the_apis_credential_and_never_a_value()
    {
        var run = Run("shop-v1.yaml", """
            { "McpPlatform": { "OpenApi": { "Apis": { "shop": { "Credential": { "Kind": "Bearer", "Secret": "shop-token" } } } } } }
            """);
        var without = ManifestDocument.Parse(Run("shop-v1.yaml").ManifestText(), "mcp-manifest.json");

        var manifest = ManifestDocument.Parse(run.ManifestText(), "mcp-manifest.json");
        Assert.All(manifest.Tools.Where(t => t.OpenApi is not null), tool => Assert.Equal(["shop-token"], tool.Secrets));
        Assert.Empty(manifest.FindTool("issues.search")!.Secrets);
        Assert.All(without.Tools.Where(t => t.OpenApi is not null), tool => Assert.Empty(tool.Secrets));
        Assert.NotEqual(without.Hash, manifest.Hash); // a new credential secret is a change a reviewer approves
    }

    [Fact]
    public void Manifest_diff_shows_what_a_new_version_of_the_document_adds_removes_and_widens()
    {
        var v1 = ManifestDocument.Parse(Run("shop-v1.yaml").ManifestText(), "v1");
        var v2 = ManifestDocument.Parse(Run("shop-v2.yaml").ManifestText(), "v2");

        var diff = ManifestDiff.Compare(v1, v2);

        Assert.True(diff.RequiresApproval);
        var document = Assert.Single(diff.Changes, c => c.Tool is null && c.Kind == ManifestChangeKind.OpenApiChanged);
        Assert.Equal("shop", document.OpenApi);
        Assert.Contains("OpenAPI document \"shop\" changed (sha256:", document.Message);
        Assert.Contains("added 1 (\"shop_create_order\"); removed 1 (\"shop_search_orders\"); access raised 1 (\"shop_archive_order\"); input accepts more 1 (\"shop_list_orders\")", document.Message);

        var added = Assert.Single(diff.ForTool("shop_create_order"));
        Assert.Equal((ManifestChangeKind.ToolAdded, ManifestRisk.High), (added.Kind, added.Risk));
        Assert.Contains("new write tool, calls \"POST /orders\" of openapi \"shop\"", added.Message);
        Assert.Equal(ManifestChangeKind.ToolRemoved, Assert.Single(diff.ForTool("shop_search_orders")).Kind);

        var archive = diff.ForTool("shop_archive_order").ToList();
        Assert.Contains(archive, c => c.Kind == ManifestChangeKind.AccessWidened && c.Risk == ManifestRisk.High && c.Message == "access write → destructive");
        Assert.Contains(archive, c => c.Kind == ManifestChangeKind.OpenApiChanged && c.Message.Contains("now calls \"DELETE /orders/{orderId}/archive\" of openapi \"shop\" (was \"POST /orders/{orderId}/archive\"", StringComparison.Ordinal));

        var list = Assert.Single(diff.ForTool("shop_list_orders"));
        Assert.Equal(ManifestChangeKind.InputSchemaChanged, list.Kind);
        Assert.Equal("input schema changed (widened: accepts more): added \"customer\" (string)", list.Message);
        Assert.Empty(diff.ForTool("shop_get_order"));
    }

    [Fact]
    public void An_unchanged_document_diffs_as_identical()
    {
        Assert.True(ManifestDiff.Compare(
            ManifestDocument.Parse(Run("shop-v1.yaml").ManifestText(), "a"),
            ManifestDocument.Parse(Run("shop-v1.yaml").ManifestText(), "b")).Identical);
    }

    [Fact]
    public void An_operation_named_like_a_generated_tool_is_an_error_and_left_out()
    {
        var clash = GeneratorHarness.Run(
            GeneratorHarness.Compile(GovernanceSample.Sources.Append("""
                using McpPlatform;
                public static class Clash
                {
                    /// <summary>Gets an order the old way.</summary>
                    /// <param name="orderId">The order.</param>
                    [McpTool("shop_get_order", Access = ToolAccess.Read)]
                    public static string Get(string orderId) => orderId;
                }
                """).ToArray()),
            GeneratorInputs.Default.WithOpenApi("shop", "shop-v1.yaml"));

        var error = Assert.Single(clash.Diagnostics, d => d.Id == "MCPP030");
        Assert.Contains("GET /orders/{orderId}", error.GetMessage());
        Assert.Single(clash.Manifest()["tools"]!.AsArray(), t => (string?)t!["name"] == "shop_get_order");
    }

    [Fact]
    public void A_description_file_that_is_not_json_is_an_error_naming_it()
    {
        var inputs = GeneratorInputs.Default with
        {
            AdditionalFiles = [new GeneratorInputs.InMemoryAdditionalText("/project/obj/mcp-openapi/x.mcp-openapi.json", "{ \"namespace\": ")],
        };

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), inputs);

        var error = Assert.Single(run.Diagnostics, d => d.Id == "MCPP029");
        Assert.Contains("/project/obj/mcp-openapi/x.mcp-openapi.json", error.GetMessage());
    }

    internal static GeneratorRun Run(string document, string? appSettings = null) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(GovernanceSample.Sources), GeneratorInputs.Default.WithOpenApi("shop", document, appSettings));
}

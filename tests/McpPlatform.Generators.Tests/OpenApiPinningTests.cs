using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using McpPlatform.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// Start-up pinning covers OpenAPI operations like generated tools: the server (ManifestPinning, in Production)
/// starts when the operations it serves are the ones in its compiled and approved manifest, and refuses a document
/// changed since approval — rebuilt (a new compiled manifest) or swapped in the output after the build — and an
/// access class overridden in the run-time configuration, naming the source.
/// </summary>
public sealed class OpenApiPinningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-openapi-pinning-").FullName;

    private string ApprovedPath => Path.Combine(_folder, ManifestFiles.ApprovedFileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_approved_document_starts_in_production()
    {
        var build = OpenApiManifestTests.Run("shop-v1.yaml");
        Approve(build);

        Pinning(build, OpenApiInputs.Served("shop", "shop-v1.yaml"), new ConfigurationBuilder().Build()).Verify();
    }

    [Fact]
    public void A_document_changed_and_rebuilt_is_refused_until_approved()
    {
        Approve(OpenApiManifestTests.Run("shop-v1.yaml"));
        var rebuilt = OpenApiManifestTests.Run("shop-v2.yaml");

        var refused = Assert.Throws<InvalidOperationException>(() =>
            Pinning(rebuilt, OpenApiInputs.Served("shop", "shop-v2.yaml"), new ConfigurationBuilder().Build()).Verify());

        Assert.Contains("this server's tool surface is not approved, so it does not start in the 'Production' environment", refused.Message);
        Assert.Contains("[high] tool 'shop_create_order': new write tool, calls \"POST /orders\" of openapi \"shop\"", refused.Message);
        Assert.Contains("[high] tool 'shop_archive_order': access write → destructive", refused.Message);

        // Once a reviewer approves the new version, it starts.
        Approve(rebuilt);
        Pinning(rebuilt, OpenApiInputs.Served("shop", "shop-v2.yaml"), new ConfigurationBuilder().Build()).Verify();
    }

    [Fact]
    public void A_document_replaced_in_the_output_after_the_build_is_refused()
    {
        var build = OpenApiManifestTests.Run("shop-v1.yaml");
        Approve(build);

        var refused = Assert.Throws<InvalidOperationException>(() =>
            Pinning(build, OpenApiInputs.Served("shop", "shop-v2.yaml"), new ConfigurationBuilder().Build()).Verify());

        Assert.Contains("The OpenAPI operations this server would serve are not the ones in its compiled and approved manifest", refused.Message);
        Assert.Contains("tool \"shop_create_order\" (POST /orders) is served from an OpenAPI document but the compiled manifest has no such operation", refused.Message);
        Assert.Contains("tool \"shop_list_orders\": the input schema served differ", refused.Message);
        Assert.Contains("tool \"shop_archive_order\": the operation (DELETE /orders/{orderId}/archive, the manifest says POST /orders/{orderId}/archive)", refused.Message);
    }

    [Fact]
    public void An_access_override_in_the_run_time_configuration_is_refused_naming_its_source()
    {
        var build = OpenApiManifestTests.Run("shop-v1.yaml");
        Approve(build);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["McpPlatform:OpenApi:Apis:shop:Access:Tags:orders"] = "Read" })
            .Build();
        var served = OpenApiInputs.Served("shop", "shop-v1.yaml", OpenApiAccessSettings.Read(configuration, "shop"));

        var refused = Assert.Throws<InvalidOperationException>(() => Pinning(build, served, configuration).Verify());

        Assert.Contains(
            "tool \"shop_archive_order\": access read served, write in the compiled manifest (source: McpPlatform:OpenApi:Apis:shop:Access:Tags:orders in in-memory configuration",
            refused.Message);
    }

    [Fact]
    public void In_development_the_same_difference_is_a_warning_and_the_server_starts()
    {
        var build = OpenApiManifestTests.Run("shop-v1.yaml");
        Approve(build);

        Pinning(build, OpenApiInputs.Served("shop", "shop-v2.yaml"), new ConfigurationBuilder().Build(), Environments.Development).Verify();
    }

    private void Approve(GeneratorRun build) => ServedPinning.Approve(build, ApprovedPath);

    /// <summary>The start-up check of a server whose catalog is the build's generated tools plus the operations it serves.</summary>
    private ManifestPinning Pinning(GeneratorRun build, IReadOnlyList<McpToolDescriptor> operations, IConfiguration configuration, string environment = "Production") =>
        ServedPinning.Create(build, operations, configuration, environment, _folder, ApprovedPath);
}

using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Generators.Tests.Resources;

/// <summary>What the generator emits for [McpResource], [McpPrompt] and [McpCompletion], checked by running it.</summary>
public sealed class ResourceGenerationTests
{
    [Fact]
    public void Sample_compiles_without_warnings_and_reports_nothing()
    {
        var run = GeneratorHarness.Run(ResourceSample.Source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Generated_resource_catalog_matches_the_expected_source()
    {
        var run = GeneratorHarness.Run(ResourceSample.Source);

        Snapshot.Matches(run.ResourceSource(), "HandbookResources.g.cs");
    }

    [Fact]
    public void Generated_AddMcpPlatform_registers_the_resource_catalog()
    {
        var run = GeneratorHarness.Run(ResourceSample.Source);

        Assert.Contains("global::McpPlatform.Hosting.Resources.PlatformResources.Add(", run.ToolSource());
        Assert.Contains("global::McpPlatform.Generated.GeneratedMcpResourceCatalog.Instance", run.ToolSource());
    }

    [Fact]
    public void Tool_only_projects_get_no_resource_catalog_and_the_plain_AddMcpPlatform()
    {
        var run = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools);

        Assert.DoesNotContain(run.Result.GeneratedTrees, t => t.FilePath.EndsWith(ResourceRun.HintName, StringComparison.Ordinal));
        Assert.DoesNotContain("PlatformResources", run.GeneratedSource);
    }

    [Fact]
    public void Descriptors_carry_names_uris_mime_types_and_prompt_arguments()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        Assert.Equal(["chapter", "contents", "logo"], catalog.Resources.Select(r => r.Descriptor.Name));
        var contents = catalog.Resources.Single(r => r.Descriptor.Name == "contents");
        Assert.Equal("docs://handbook", contents.ProtocolResource!.Uri);
        Assert.Equal("text/markdown", contents.ProtocolResource.MimeType);
        Assert.Equal("Handbook", contents.ProtocolResource.Title);
        Assert.Equal("The handbook's table of contents.", contents.ProtocolResource.Description);
        var chapter = catalog.Resources.Single(r => r.Descriptor.Name == "chapter");
        Assert.True(chapter.IsTemplated);
        Assert.True(chapter.IsMatch("docs://handbook/travel/visas"));
        Assert.False(chapter.IsMatch("docs://handbook/travel"));
        Assert.False(chapter.IsMatch("docs://handbook/a/b/c"));

        var review = catalog.Prompt("review_change").ProtocolPrompt;
        Assert.Equal("Review a change", review.Title);
        Assert.Equal([("change", "The change to review.", true), ("tone", "How strict to be.", false)],
            review.Arguments!.Select(a => (a.Name, a.Description, a.Required ?? false)));
        Assert.Equal("caption", Assert.Single(catalog.Prompt("show_picture").ProtocolPrompt.Arguments!).Name);
        Assert.False(catalog.Prompt("show_picture").ProtocolPrompt.Arguments![0].Required);
    }

    [Fact]
    public async Task Text_resource_reads_as_text_with_the_declared_mime_type()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var result = await ResourceRun.ReadAsync(catalog, "docs://handbook");

        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal(("docs://handbook", "text/markdown", "# Handbook"), (text.Uri, text.MimeType, text.Text));
    }

    [Fact]
    public async Task Byte_array_resource_reads_as_a_base64_blob()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var result = await ResourceRun.ReadAsync(catalog, "docs://logo");

        var blob = Assert.IsType<BlobResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("image/png", blob.MimeType);
        Assert.Equal(new byte[] { 1, 2, 3 }, blob.DecodedData.ToArray());
    }

    [Fact]
    public async Task Template_variables_are_bound_to_parameters_unescaped_and_services_injected()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();
        using var services = new ServiceCollection().AddSingleton<IFormatProvider>(System.Globalization.CultureInfo.InvariantCulture).BuildServiceProvider();

        var result = await ResourceRun.ReadAsync(catalog, "docs://handbook/travel/visa%20rules", services);

        Assert.Equal("chapter travel/visa rules", Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text);
    }

    [Fact]
    public async Task Instance_resource_is_constructed_from_services_per_read_and_disposed()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public sealed class Counter(IFormatProvider format) : IDisposable
            {
                public static int Disposed;

                /// <summary>The format provider's name.</summary>
                [McpResource("state://format")]
                public string Format() => format.GetType().Name;

                public void Dispose() => Disposed++;
            }
            """));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var catalog = run.LoadResourceCatalog();
        using var services = new ServiceCollection().AddSingleton<IFormatProvider>(System.Globalization.CultureInfo.InvariantCulture).BuildServiceProvider();

        var result = await ResourceRun.ReadAsync(catalog, "state://format", services);

        Assert.Equal("CultureInfo", Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text);
        var disposed = catalog.Resources[0].GetType().Assembly.GetType("Sample.Counter")!.GetField("Disposed")!.GetValue(null);
        Assert.Equal(1, disposed);
    }

    [Fact]
    public async Task Prompt_binds_required_and_defaulted_arguments()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var withDefault = await ResourceRun.GetAsync(catalog, "review_change", """{"change":"PR 7"}""");
        var withTone = await ResourceRun.GetAsync(catalog, "review_change", """{"change":"PR 7","tone":"strict"}""");

        var message = Assert.Single(withDefault.Messages);
        Assert.Equal(Role.User, message.Role);
        Assert.Equal("Review PR 7, friendly.", Assert.IsType<TextContentBlock>(message.Content).Text);
        Assert.Equal("Review PR 7, strict.", Assert.IsType<TextContentBlock>(Assert.Single(withTone.Messages).Content).Text);
        Assert.Equal("Asks for a review of a change.", withDefault.Description);
    }

    [Fact]
    public async Task Prompt_without_a_required_argument_is_an_invalid_params_error_naming_it()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => ResourceRun.GetAsync(catalog, "review_change"));

        Assert.Equal(ModelContextProtocol.McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("'change'", error.Message);
    }

    [Fact]
    public async Task Prompt_returning_messages_keeps_image_content()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var result = await ResourceRun.GetAsync(catalog, "show_picture", """{"caption":"a cat"}""");

        Assert.Equal(2, result.Messages.Count);
        Assert.Equal("image/png", Assert.IsType<ImageContentBlock>(result.Messages[0].Content).MimeType);
        Assert.Equal("a cat", Assert.IsType<TextContentBlock>(result.Messages[1].Content).Text);
    }

    [Fact]
    public async Task Completions_are_bound_to_their_prompt_argument_and_template_variable()
    {
        var catalog = GeneratorHarness.Run(ResourceSample.Source).LoadResourceCatalog();

        var tones = catalog.CompletionFor(McpPlatform.Hosting.Resources.McpCompletionTargetKind.Prompt, "review_change", "tone");
        var chapters = catalog.CompletionFor(McpPlatform.Hosting.Resources.McpCompletionTargetKind.ResourceTemplate, "docs://handbook/{chapter}/{section}", "chapter");

        Assert.Equal(["friendly", "strict"], await ResourceRun.CompleteAsync(tones!, "f"));
        Assert.Equal(["intro", "travel", "tools"], await ResourceRun.CompleteAsync(chapters!, "t"));
        Assert.Null(catalog.CompletionFor(McpPlatform.Hosting.Resources.McpCompletionTargetKind.Prompt, "review_change", "change"));
    }
}

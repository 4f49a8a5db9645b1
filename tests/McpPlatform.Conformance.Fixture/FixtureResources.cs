
namespace McpPlatform.Conformance.Fixture;

/// <summary>The resources the suite's resources-* scenarios read and subscribe to.</summary>
public static class FixtureResources
{
    /// <summary>A fixed text resource.</summary>
    [McpResource("test://static-text", Name = "static_text", MimeType = "text/plain")]
    public static string StaticText() => "This is the content of the static text resource.";

    /// <summary>A fixed binary resource: a 1x1 PNG.</summary>
    [McpResource("test://static-binary", Name = "static_binary", MimeType = "image/png")]
    public static byte[] StaticBinary() => Convert.FromBase64String(SampleMedia.PngBase64);

    /// <summary>A templated resource whose contents name the id it was read with.</summary>
    [McpResource("test://template/{id}/data", Name = "template_data", MimeType = "application/json")]
    public static string TemplateData(string id) => $$"""{"id":"{{id}}","templateTest":true,"data":"Data for ID: {{id}}"}""";

    /// <summary>A resource clients subscribe to; its version moves when the server changes it.</summary>
    [McpResource("test://watched-resource", Name = "watched_resource", MimeType = "text/plain")]
    public static string Watched() => "Watched resource content.";

    /// <summary>Completes the id variable of the data template.</summary>
    [McpCompletion("id", ResourceTemplate = "test://template/{id}/data")]
    public static IEnumerable<string> CompleteId(string value) =>
        new[] { "123", "456", "789" }.Where(id => id.StartsWith(value, StringComparison.Ordinal));
}

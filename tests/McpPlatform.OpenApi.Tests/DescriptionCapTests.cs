namespace McpPlatform.OpenApi.Tests;

public sealed class DescriptionCapTests
{
    [Fact]
    public void A_long_description_is_capped_and_an_empty_one_falls_back_to_method_and_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $$"""
            openapi: 3.0.3
            info: { title: Long, version: 1.0.0 }
            paths:
              /reports:
                get:
                  operationId: listReports
                  summary: List reports
                  description: {{new string('x', 3000)}}
                  responses: { '200': { description: OK } }
                post:
                  responses: { '201': { description: Created } }
            """);
        try
        {
            var operations = OpenApiOperationCatalog.Load(path);
            var list = operations.Named("list_reports");
            Assert.Equal(OpenApiOperationCatalog.MaxDescriptionLength, list.Description.Length);
            Assert.StartsWith("List reports\n\nxxx", list.Description, StringComparison.Ordinal);
            Assert.EndsWith("…", list.Description, StringComparison.Ordinal);
            Assert.Equal("POST /reports", operations.Named("post_reports").Description);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

namespace McpPlatform.OpenApi.Tests;

/// <summary>Documents that cannot become operations: every problem names the file, the JSON pointer and what is wrong.</summary>
public sealed class DocumentProblemTests
{
    [Fact]
    public void An_invalid_document_lists_every_problem_with_its_pointer()
    {
        var error = Assert.Throws<OpenApiDocumentException>(() => Documents.Load("invalid.yaml"));
        Assert.All(error.Problems, p => Assert.Equal(Documents.PathOf("invalid.yaml"), p.File));
        Assert.Contains(error.Problems, p => p.Pointer == "#/paths/~1things/get/responses" && p.Message.Contains("map/object", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Pointer.StartsWith("#/paths/~1things/get/parameters", StringComparison.Ordinal) && p.Message.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains("invalid.yaml: #/paths/~1things/get/responses:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_does_not_resolve_is_a_problem_at_the_schema_that_uses_it()
    {
        var error = Assert.Throws<OpenApiDocumentException>(() => Documents.Load("malformed.json"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("#/paths/~1things/get/responses/200/content/application~1json/schema", problem.Pointer);
        Assert.Contains("'#/components/schemas/Missing' does not resolve", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swagger_2_is_refused_as_unsupported()
    {
        var problem = Assert.Single(Assert.Throws<OpenApiDocumentException>(() => Documents.Load("swagger2.json")).Problems);
        Assert.Equal("#", problem.Pointer);
        Assert.Contains("Swagger 2.0 is not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_a_problem_not_a_crash()
    {
        var problem = Assert.Single(Assert.Throws<OpenApiDocumentException>(() => Documents.Load("truncated.json")).Problems);
        Assert.Equal(Documents.PathOf("truncated.json"), problem.File);
        Assert.Contains("end of data", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_that_does_not_parse_is_a_problem_not_a_crash()
    {
        var problem = Assert.Single(Assert.Throws<OpenApiDocumentException>(() => Documents.Load("broken.yaml")).Problems);
        Assert.Equal(Documents.PathOf("broken.yaml"), problem.File);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void A_missing_file_is_a_problem()
    {
        var problem = Assert.Single(Assert.Throws<OpenApiDocumentException>(() => Documents.Load("missing.json")).Problems);
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_unknown_extension_is_a_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.txt");
        File.Copy(Documents.PathOf("petstore.json"), path);
        try
        {
            var problem = Assert.Single(Assert.Throws<OpenApiDocumentException>(() => OpenApiOperationCatalog.Load(path)).Problems);
            Assert.Contains("must end in .json, .yaml or .yml", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

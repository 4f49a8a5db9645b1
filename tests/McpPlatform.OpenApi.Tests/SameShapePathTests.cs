namespace McpPlatform.OpenApi.Tests;

/// <summary>
/// Templates that differ only in parameter names are ambiguous to a router, not to a client calling each operation by
/// its own template: GitHub's published description has two such pairs, and the catalog reads them.
/// </summary>
public sealed class SameShapePathTests
{
    [Fact]
    public void Both_operations_load_with_their_own_templates_and_parameters()
    {
        var operations = Documents.Load("same-shape-paths.yaml");

        var list = operations.Named("list_attestations");
        var delete = operations.Named("delete_attestation");
        Assert.Equal(("GET", "/orgs/{org}/attestations/{subject_digest}"), (list.Method, list.Path));
        Assert.Equal(("DELETE", "/orgs/{org}/attestations/{attestation_id}"), (delete.Method, delete.Path));
        Assert.Equal(["org", "attestation_id"], delete.Parameters.Select(p => p.Argument));
    }

    [Fact]
    public void Only_that_rule_is_left_out_the_other_path_rules_still_apply()
    {
        var problem = Assert.Throws<OpenApiDocumentException>(() => Documents.Load("no-slash.yaml"));

        Assert.Contains(problem.Problems, p => p.Message.Contains("things", StringComparison.Ordinal));
    }
}

namespace McpPlatform.OpenApi.Tests;

public sealed class OperationNameTests
{
    [Theory]
    [InlineData("getPetById", "get_pet_by_id")]
    [InlineData("pets.list-all", "pets_list_all")]
    [InlineData("HTMLPageGet", "html_page_get")]
    [InlineData("v2/Users::Create", "v2_users_create")]
    [InlineData("2fa_enable", "op_2fa_enable")]
    [InlineData("__", "")]
    public void Operation_ids_become_snake_case_over_a_z_0_9_underscore(string operationId, string name)
    {
        Assert.Equal(name, OperationNames.Sanitize(operationId));
    }

    [Fact]
    public void Fallback_names_come_from_method_and_path_and_long_names_are_capped()
    {
        Assert.Equal("get_users_user_id_repos", OperationNames.FromMethodAndPath("GET", "/users/{userId}/repos"));
        var taken = new HashSet<string>();
        var longName = OperationNames.Sanitize(new string('a', 100));
        Assert.Equal(OperationNames.MaxLength, longName.Length);
        Assert.Equal(longName, OperationNames.Unique(longName, taken));
        var second = OperationNames.Unique(longName, taken);
        Assert.Equal(OperationNames.MaxLength, second.Length);
        Assert.EndsWith("_2", second, StringComparison.Ordinal);
    }
}

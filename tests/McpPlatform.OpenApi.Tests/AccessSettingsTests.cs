using Microsoft.Extensions.Configuration;

namespace McpPlatform.OpenApi.Tests;

/// <summary>OpenApiAccessSettings: the one reader of McpPlatform:OpenApi:Apis:&lt;namespace&gt;:Access for the build and the server.</summary>
public sealed class AccessSettingsTests
{
    [Fact]
    public void Overrides_are_read_per_namespace_ignoring_the_case_of_values_and_applied_by_the_catalog()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:OpenApi:Apis:pets:Access:Operations:searchPets"] = "read",
            ["McpPlatform:OpenApi:Apis:pets:Access:Tags:pets"] = "DESTRUCTIVE",
            ["McpPlatform:OpenApi:Apis:other:Access:Operations:listPets"] = "Write",
        }).Build();

        var overrides = OpenApiAccessSettings.Read(configuration, "pets");

        Assert.Equal(ToolAccess.Read, overrides.ByOperation["searchPets"]);
        Assert.Equal(ToolAccess.Destructive, overrides.ByTag["pets"]);
        Assert.False(overrides.ByOperation.ContainsKey("listPets"));
        Assert.Empty(OpenApiAccessSettings.Read(configuration, "none").ByOperation);
    }

    [Fact]
    public void A_value_that_is_no_access_class_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:OpenApi:Apis:pets:Access:Tags:admin"] = "Admin",
        }).Build();

        var refused = Assert.Throws<OpenApiSettingsException>(() => OpenApiAccessSettings.Read(configuration, "pets"));

        Assert.Equal("McpPlatform:OpenApi:Apis:pets:Access:Tags:admin: expected Read, Write or Destructive, found 'Admin'", refused.Problem);
    }
}

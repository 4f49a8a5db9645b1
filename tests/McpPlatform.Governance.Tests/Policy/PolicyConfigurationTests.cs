using System.Text;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static McpPlatform.Testing.PolicyExamples;

namespace McpPlatform.Governance.Tests.Policy;

public sealed class PolicyConfigurationTests
{
    [Fact]
    public void Example_json_binds_to_the_example_policy()
    {
        var options = Bind(ExampleJson).GetRequiredService<IOptions<PolicyOptions>>().Value;

        Assert.Equal(["finance-portal", "engineering-write", "sre-break-glass"], options.Rules.Select(r => r.Name));
        Assert.Equal("mcp:read", options.ReadScope);
        Assert.True(options.DefaultRead);
        Assert.True(options.Rules[0].Exclusive);
        Assert.Equal("true", options.Rules[1].Claims["device_managed"]);
        Assert.Equal(["Read", "Write"], options.Rules[1].Access);
        Assert.Equal(["mcp:destructive"], options.Rules[2].Scopes);
    }

    [Fact]
    public void Bound_example_decides_like_the_example()
    {
        var options = Bind(ExampleJson).GetRequiredService<IOptions<PolicyOptions>>().Value;
        var policy = new PolicyDecisionPoint(options, Catalog);

        Assert.Equal("engineering-write", policy.Decide(Engineer("mcp:read", "mcp:write"), Descriptor("create_issue")).Rule);
        Assert.Equal("profile:finance-portal", policy.Decide(Caller(groups: ["finance"]), Descriptor("get_issue")).Rule);
        Assert.Equal("sre-break-glass", policy.Decide(Caller(["mcp:read", "mcp:destructive"], ["sre"]), Descriptor("restart_service")).Rule);
    }

    [Fact]
    public void Invalid_configuration_fails_options_validation_naming_the_rule_and_setting()
    {
        var json = ExampleJson.Replace("\"restart_service\"", "\"restart_servce\"", StringComparison.Ordinal)
            .Replace("\"Access\": [ \"Read\" ]", "\"Access\": [ \"Reed\" ]", StringComparison.Ordinal);

        var error = Assert.Throws<OptionsValidationException>(
            () => Bind(json).GetRequiredService<IOptions<PolicyOptions>>().Value);

        Assert.Equal(
            [
                "McpPlatform:Policy:Rules[0] ('finance-portal'): Access contains 'Reed', which is not an access class (use Read, Write or Destructive).",
                "McpPlatform:Policy:Rules[2] ('sre-break-glass'): Tools contains 'restart_servce', which is not a tool of this server (known: create_issue, delete_issue, get_invoice, get_issue, legacy_sync, list_invoices, refund_invoice, restart_service, search_issues, service_status).",
            ],
            error.Failures);
    }

    private static ServiceProvider Bind(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddSingleton(Catalog);
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName));
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        return services.BuildServiceProvider();
    }
}

namespace McpPlatform.Templates.Tests;

/// <summary>One choice of every `dotnet new mcp-governed` option that changes files.</summary>
public sealed record TemplateOptions(string IdentityProvider, string Secrets, bool CodeMode, string Ci, string Deploy)
{
    public static readonly string[] IdentityProviders = ["entra", "okta", "auth0", "keycloak", "cloudflare-access", "generic-oidc"];
    public static readonly string[] SecretStores = ["keyvault", "local"];
    public static readonly bool[] CodeModes = [false, true];
    public static readonly string[] CiSystems = ["github", "azure-pipelines", "none"];
    public static readonly string[] DeployTargets = ["container-apps", "kubernetes", "none"];

    /// <summary>What `dotnet new mcp-governed` gives with no options.</summary>
    public static TemplateOptions Defaults { get; } = new("generic-oidc", "keyvault", false, "github", "container-apps");

    /// <summary>Every combination: 6 x 2 x 2 x 3 x 3 = 216.</summary>
    public static IEnumerable<TemplateOptions> All() =>
        from identity in IdentityProviders
        from secrets in SecretStores
        from codeMode in CodeModes
        from ci in CiSystems
        from deploy in DeployTargets
        select new TemplateOptions(identity, secrets, codeMode, ci, deploy);

    /// <summary>
    /// The combinations that are instantiated and checked file by file: every pair of values of
    /// any two options appears in at least one (<see cref="AllPairs"/>; 18-20 of the 216).
    /// </summary>
    public static IReadOnlyList<TemplateOptions> Pairwise() =>
        AllPairs.Rows([IdentityProviders.Length, SecretStores.Length, CodeModes.Length, CiSystems.Length, DeployTargets.Length])
            .Select(row => new TemplateOptions(IdentityProviders[row[0]], SecretStores[row[1]], CodeModes[row[2]], CiSystems[row[3]], DeployTargets[row[4]]))
            .ToList();

    /// <summary>
    /// The scaffolds that are built and started: every pair of identity provider, secret store and
    /// Code Mode (12, the options the compiled project or its settings can depend on). CI system
    /// and deployment target only add files the build does not read, so each takes the next CI x
    /// deploy pair in turn: every one of the 9 pairs is built at least once.
    /// </summary>
    public static IReadOnlyList<TemplateOptions> BuildRelevant()
    {
        var pairs = (from ci in CiSystems from deploy in DeployTargets select (ci, deploy)).ToList();
        return AllPairs.Rows([IdentityProviders.Length, SecretStores.Length, CodeModes.Length])
            .Select((row, i) => new TemplateOptions(
                IdentityProviders[row[0]],
                SecretStores[row[1]],
                CodeModes[row[2]],
                pairs[i % pairs.Count].ci,
                pairs[i % pairs.Count].deploy))
            .ToList();
    }

    /// <summary>The options as values, in factor order, for coverage checks.</summary>
    public object[] Values => [IdentityProvider, Secrets, CodeMode, Ci, Deploy];

    /// <summary>The scope names the policy uses: Entra's app-role style, or the platform's defaults.</summary>
    public string ReadScope => IdentityProvider == "entra" ? "Mcp.Read" : "mcp:read";

    public string WriteScope => IdentityProvider == "entra" ? "Mcp.Write" : "mcp:write";

    /// <summary><c>--openapi</c>: a document path relative to the project, or <c>none</c> (the default, not passed).</summary>
    public string OpenApi { get; init; } = "none";

    public string[] Arguments() =>
    [
        "--identity-provider", IdentityProvider,
        "--secrets", Secrets,
        "--code-mode", CodeMode ? "true" : "false",
        "--ci", Ci,
        "--deploy", Deploy,
        .. OpenApi == "none" ? Array.Empty<string>() : ["--openapi", OpenApi],
    ];

    /// <summary>A short folder name for the combination.</summary>
    public string Slug => $"{IdentityProvider}-{Secrets}-{(CodeMode ? "cm" : "tools")}-{Ci}-{Deploy}";

    public override string ToString() => string.Join(' ', Arguments());
}

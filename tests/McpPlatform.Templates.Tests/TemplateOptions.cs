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
    /// A pairwise covering set of <see cref="All"/>: every value of every option meets every value
    /// of every other option in at least one combination (greedy, deterministic; about 20 of 216).
    /// Every conditional in the template content depends on at most two options (CI x deploy in the
    /// pipelines, deploy x secrets in the Kubernetes manifests, identity provider or Code Mode
    /// alone in the settings), so these combinations produce every variant of every generated file.
    /// </summary>
    public static IReadOnlyList<TemplateOptions> Pairwise()
    {
        var all = All().ToList();
        var uncovered = all.SelectMany(Pairs).ToHashSet();
        var chosen = new List<TemplateOptions>();
        while (uncovered.Count > 0)
        {
            var best = all.MaxBy(candidate => Pairs(candidate).Count(uncovered.Contains))!;
            chosen.Add(best);
            uncovered.ExceptWith(Pairs(best));
        }

        return chosen;
    }

    /// <summary>The (option=value, option=value) pairs a combination covers.</summary>
    public static IEnumerable<(string, string)> Pairs(TemplateOptions options)
    {
        var values = Values(options);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                yield return (values[i], values[j]);
            }
        }
    }

    private static string[] Values(TemplateOptions o) =>
        [$"identity={o.IdentityProvider}", $"secrets={o.Secrets}", $"codemode={o.CodeMode}", $"ci={o.Ci}", $"deploy={o.Deploy}"];

    /// <summary>
    /// The scaffolds that are built and started: every CI x deploy pair once (9), which also covers
    /// every identity provider, both secret stores and both Code Mode settings. What the compiler
    /// and the Development server read (appsettings.json: scope names and the Code Mode default)
    /// depends only on the identity provider's scope family and Code Mode, so these 9 include
    /// every distinct build input; the other options change only files the build does not read,
    /// which <see cref="OptionCombinationTests"/> checks on the pairwise set.
    /// </summary>
    public static IReadOnlyList<TemplateOptions> BuildCoveringSet()
    {
        var pairs = (from ci in CiSystems from deploy in DeployTargets select (ci, deploy)).ToList();
        return pairs.Select((pair, i) => new TemplateOptions(
            IdentityProviders[i % IdentityProviders.Length],
            SecretStores[i % SecretStores.Length],
            CodeModes[i / 2 % CodeModes.Length],
            pair.ci,
            pair.deploy)).ToList();
    }

    /// <summary>The scope names the policy uses: Entra's app-role style, or the platform's defaults.</summary>
    public string ReadScope => IdentityProvider == "entra" ? "Mcp.Read" : "mcp:read";

    public string WriteScope => IdentityProvider == "entra" ? "Mcp.Write" : "mcp:write";

    public string[] Arguments() =>
    [
        "--identity-provider", IdentityProvider,
        "--secrets", Secrets,
        "--code-mode", CodeMode ? "true" : "false",
        "--ci", Ci,
        "--deploy", Deploy,
    ];

    /// <summary>A short folder name for the combination.</summary>
    public string Slug => $"{IdentityProvider}-{Secrets}-{(CodeMode ? "cm" : "tools")}-{Ci}-{Deploy}";

    public override string ToString() => string.Join(' ', Arguments());
}

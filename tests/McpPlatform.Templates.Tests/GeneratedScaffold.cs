using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace McpPlatform.Templates.Tests;

/// <summary>What a scaffold made with given options must contain: files, settings, pipelines, manifests.</summary>
internal static partial class GeneratedScaffold
{
    private static readonly JsonDocumentOptions JsonWithComments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    /// <summary>
    /// Every check on a freshly instantiated scaffold of <paramref name="template"/> (<c>mcp-governed</c> or
    /// <c>mcp-portal</c>, which share options, pipelines and deployment files); <paramref name="slug"/> is the lower-case
    /// dashed project name.
    /// </summary>
    public static void AssertConsistent(string directory, string projectName, string slug, TemplateOptions options, string platformVersion, string template = "mcp-governed")
    {
        AssertFileSet(directory, options);
        AssertNoTemplateLeftovers(directory);
        AssertSettings(directory, options, template);
        AssertCiScript(directory, projectName, slug, options);
        AssertToolManifest(directory, platformVersion);

        foreach (var yaml in Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories))
        {
            var documents = Yaml.LoadAll(yaml);
            AssertReferencesExist(directory, yaml, documents);
        }

        if (options.Ci == "github")
        {
            AssertGitHubWorkflow(Yaml.Load(Path.Combine(directory, ".github", "workflows", "ci.yml")), options);
        }

        if (options.Ci == "azure-pipelines")
        {
            AssertAzurePipeline(Yaml.Load(Path.Combine(directory, "azure-pipelines.yml")), options);
        }

        if (options.Deploy == "kubernetes")
        {
            AssertKubernetes(Path.Combine(directory, "deploy", "kubernetes"), slug, options);
        }

        if (options.Deploy == "container-apps")
        {
            var bicep = File.ReadAllText(Path.Combine(directory, "deploy", "container-apps", "main.bicep"));
            Assert.Contains("Microsoft.App/containerApps@", bicep);
            // Liveness asks only whether the process is up; readiness whether its dependencies (audit sink, identity provider, secret store) answer.
            Assert.Matches(@"\{ type: 'Startup', httpGet: \{ path: '/healthz/live', port: 8080 \}", bicep);
            Assert.Matches(@"\{ type: 'Liveness', httpGet: \{ path: '/healthz/live', port: 8080 \}", bicep);
            Assert.Matches(@"\{ type: 'Readiness', httpGet: \{ path: '/healthz/ready', port: 8080 \}", bicep);
            Assert.Contains($"param name string = '{slug}'", bicep);
            // Audit files and checkpoints go to Azure Files volumes, not to the replica's /tmp.
            Assert.DoesNotContain("/tmp", bicep, StringComparison.Ordinal);
            Assert.Contains("storageType: 'AzureFile'", bicep);
            Assert.Contains("{ name: 'McpPlatform__Audit__Directory', value: '/mnt/audit/{Replica}' }", bicep);
            Assert.Contains("{ volumeName: 'audit', mountPath: '/mnt/audit' }", bicep);
            Assert.Equal(options.Secrets != "keyvault", bicep.Contains("secretRef: 'audit-chain-key'", StringComparison.Ordinal));
            Assert.DoesNotContain("#if", bicep, StringComparison.Ordinal);
            // Pulls with the managed identity: no registry password parameter.
            Assert.DoesNotContain("password", bicep, StringComparison.OrdinalIgnoreCase);
            using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "deploy", "container-apps", "main.parameters.json")));
            var declared = BicepParameters().Matches(bicep).Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var given in parameters.RootElement.GetProperty("parameters").EnumerateObject())
            {
                Assert.Contains(given.Name, declared);
            }
        }
    }

    private static void AssertFileSet(string directory, TemplateOptions options)
    {
        bool Exists(params string[] parts) => File.Exists(Path.Combine([directory, .. parts]));

        Assert.True(Exists("eng", "ci.sh"), "eng/ci.sh is generated for every option set");
        Assert.True(Exists(".config", "dotnet-tools.json"));
        Assert.True(Exists("appsettings.Production.json"));
        Assert.Equal(options.Ci == "github", Exists(".github", "workflows", "ci.yml"));
        Assert.Equal(options.Ci == "azure-pipelines", Exists("azure-pipelines.yml"));
        Assert.Equal(options.Deploy == "kubernetes", Directory.Exists(Path.Combine(directory, "deploy", "kubernetes")));
        foreach (var manifest in new[] { "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml" })
        {
            Assert.Equal(options.Deploy == "kubernetes", Exists("deploy", "kubernetes", manifest));
        }

        Assert.Equal(options.Deploy == "container-apps", Exists("deploy", "container-apps", "main.bicep"));
        Assert.Equal(options.Deploy == "container-apps", Exists("deploy", "container-apps", "main.parameters.json"));
        Assert.Equal(options.Deploy != "none", Directory.Exists(Path.Combine(directory, "deploy")));
    }

    private static void AssertNoTemplateLeftovers(string directory)
    {
        string[] markers = ["Company.McpServer1", "company-mcpserver1", "Company.Portal1", "company-portal1", "DEPLOY_TARGET", "CODE_MODE_DEFAULT", "#if", "#endif", "#else"];
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var text = File.ReadAllText(file);
            foreach (var marker in markers)
            {
                Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{file} still contains the template marker '{marker}'");
            }
        }
    }

    private static void AssertSettings(string directory, TemplateOptions options, string template)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "appsettings.json")), JsonWithComments);
        var platform = settings.RootElement.GetProperty("McpPlatform");
        Assert.Equal(options.ReadScope, platform.GetProperty("Policy").GetProperty("ReadScope").GetString());
        Assert.Equal(options.WriteScope, platform.GetProperty("Policy").GetProperty("WriteScope").GetString());
        if (template == "mcp-portal")
        {
            // The portal starts with no upstream and no rule granting writes; README.md shows examples.
            Assert.Empty(platform.GetProperty("Portal").GetProperty("Upstreams").EnumerateObject());
            Assert.Empty(platform.GetProperty("Portal").GetProperty("Audiences").EnumerateObject());
            Assert.Empty(platform.GetProperty("Policy").GetProperty("Rules").EnumerateArray());
        }
        else
        {
            Assert.Equal([options.WriteScope], platform.GetProperty("Policy").GetProperty("Rules")[0].GetProperty("Scopes").EnumerateArray().Select(s => s.GetString()));
        }

        Assert.Equal(options.CodeMode ? "search_and_execute" : "tools", platform.GetProperty("CodeMode").GetProperty("Default").GetString());
        // Development runs on the development issuer and the local store whatever production uses.
        Assert.Equal("", platform.GetProperty("Authentication").GetProperty("Authority").GetString());
        Assert.Equal("local", platform.GetProperty("Secrets").GetProperty("Provider").GetString());

        using var production = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "appsettings.Production.json")), JsonWithComments);
        var productionPlatform = production.RootElement.GetProperty("McpPlatform");
        var authentication = productionPlatform.GetProperty("Authentication");
        var authority = authentication.GetProperty("Authority").GetString()!;
        var expectedAuthority = options.IdentityProvider switch
        {
            "entra" => "https://login.microsoftonline.com/<tenant-id>/v2.0",
            "okta" => "https://<org>.okta.com/oauth2/<server-id>",
            "auth0" => "https://<tenant>.auth0.com/",
            "keycloak" => "https://sso.example.com/realms/<realm>",
            "cloudflare-access" => "https://<team>.cloudflareaccess.com/cdn-cgi/access/sso/oidc/<client-id>",
            _ => "https://issuer.example.com",
        };
        Assert.Equal(expectedAuthority, authority);
        Assert.Equal(template == "mcp-portal" ? "https://portal.example.com/mcp" : "https://mcp.example.com/mcp", authentication.GetProperty("Resource").GetString());
        Assert.Equal(options.IdentityProvider is "entra" or "cloudflare-access", authentication.TryGetProperty("Audiences", out _));
        Assert.Equal(options.IdentityProvider == "cloudflare-access", authentication.TryGetProperty("Claims", out var claims) && claims.TryGetProperty("PassThrough", out _));
        Assert.Equal(options.IdentityProvider == "auth0", authentication.TryGetProperty("Claims", out claims) && claims.TryGetProperty("Groups", out _));

        var secrets = productionPlatform.GetProperty("Secrets");
        Assert.Equal(options.Secrets, secrets.GetProperty("Provider").GetString());
        Assert.Equal(options.Secrets == "keyvault", secrets.TryGetProperty("VaultUri", out _));
    }

    private static void AssertCiScript(string directory, string projectName, string slug, TemplateOptions options)
    {
        var script = File.ReadAllText(Path.Combine(directory, "eng", "ci.sh"));
        Assert.StartsWith("#!/usr/bin/env bash", script);
        Assert.Contains($"project=\"{projectName}.csproj\"", script);
        Assert.Contains($"tests=\"tests/{projectName}.Tests/{projectName}.Tests.csproj\"", script);
        Assert.Contains($"image=\"{slug}\"", script);
        Assert.Contains($"deploy_target=\"{options.Deploy}\"", script);
        Assert.Contains($"--scope {options.ReadScope}", script);
        Assert.Contains("dotnet tool run mcp-platform manifest verify", script);
        Assert.Contains("-t:PublishContainer", script);

        // The files the selected deploy branch uses exist.
        var deployBranch = options.Deploy switch
        {
            "container-apps" => new[] { "deploy/container-apps/main.bicep", "deploy/container-apps/main.parameters.json" },
            "kubernetes" => ["deploy/kubernetes/"],
            _ => [],
        };
        foreach (var path in deployBranch)
        {
            Assert.Contains(path, script);
            Assert.True(File.Exists(Path.Combine(directory, path)) || Directory.Exists(Path.Combine(directory, path)), $"eng/ci.sh deploys with {path}, which the scaffold lacks");
        }
    }

    private static void AssertToolManifest(string directory, string platformVersion)
    {
        using var tools = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, ".config", "dotnet-tools.json")));
        var cli = tools.RootElement.GetProperty("tools").GetProperty("mcpplatform.cli");
        Assert.Equal(platformVersion, cli.GetProperty("version").GetString());
        Assert.Equal(["mcp-platform"], cli.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    private static void AssertGitHubWorkflow(YamlNode workflow, TemplateOptions options)
    {
        var jobs = workflow.Map("jobs");
        Assert.Equal(["build", "deploy"], jobs.Children.Keys.Select(k => k.ToString()).Order());

        var build = jobs.Map("build");
        var buildRuns = build.Seq("steps").Select(s => s.Find("run")?.ToString()).OfType<string>().ToList();
        Assert.Equal(["bash eng/ci.sh"], buildRuns);
        Assert.Null(build.Find("environment"));

        var deploy = jobs.Map("deploy");
        Assert.Equal("build", deploy.Str("needs"));
        Assert.Equal("github.ref == 'refs/heads/main' && github.event_name == 'push'", deploy.Str("if"));
        Assert.Equal("production", deploy.Str("environment"));
        Assert.Equal("write", deploy.Map("permissions").Str("id-token"));
        var steps = deploy.Seq("steps").ToList();
        var login = Assert.Single(steps, s => s.Find("uses")?.ToString().StartsWith("azure/login@", StringComparison.Ordinal) == true);
        var with = login.Map("with");
        Assert.Equal(["client-id", "subscription-id", "tenant-id"], with.Children.Keys.Select(k => k.ToString()).Order());
        Assert.Null(with.Find("creds")); // no service-principal secret: OIDC federation only
        var deployStep = Assert.Single(steps, s => s.Find("run") is not null);
        Assert.Equal("bash eng/ci.sh deploy", deployStep.Str("run"));
        Assert.Equal(options.Deploy == "kubernetes", deployStep.Map("env").Find("AKS_CLUSTER") is not null);
        Assert.Equal("read", workflow.Map("permissions").Str("contents"));

        // No long-lived secret anywhere in the workflow.
        Assert.DoesNotContain(workflow.Scalars(), s => s.Contains("secrets.", StringComparison.Ordinal));
    }

    private static void AssertAzurePipeline(YamlNode pipeline, TemplateOptions options)
    {
        var stages = pipeline.Seq("stages").ToList();
        Assert.Equal(["Build", "Deploy"], stages.Select(s => s.Str("stage")));

        var buildJob = Assert.Single(stages[0].Seq("jobs"));
        Assert.Contains(buildJob.Seq("steps"), s => s.Find("script")?.ToString() == "bash eng/ci.sh");

        var deployStage = stages[1];
        Assert.Equal("Build", deployStage.Str("dependsOn"));
        var condition = deployStage.Str("condition");
        Assert.Contains("eq(variables['Build.SourceBranch'], 'refs/heads/main')", condition);
        Assert.Contains("succeeded()", condition);
        var deployment = Assert.Single(deployStage.Seq("jobs"));
        Assert.Equal("deploy", deployment.Str("deployment"));
        Assert.Equal("production", deployment.Str("environment"));
        var steps = deployment.Map("strategy").Map("runOnce").Map("deploy").Seq("steps");
        var azureCli = Assert.Single(steps, s => s.Find("task")?.ToString() == "AzureCLI@2");
        var inputs = azureCli.Map("inputs");
        Assert.Equal("${{ variables.azureServiceConnection }}", inputs.Str("azureSubscription"));
        Assert.Equal("eng/ci.sh", inputs.Str("scriptPath"));
        Assert.Equal("deploy", inputs.Str("arguments"));
        Assert.Equal(options.Deploy == "kubernetes", azureCli.Map("env").Find("AKS_CLUSTER") is not null);
        Assert.Equal("mcp-workload-identity", pipeline.Map("variables").Str("azureServiceConnection"));
    }

    private static void AssertKubernetes(string folder, string slug, TemplateOptions options)
    {
        var documents = Directory.EnumerateFiles(folder, "*.yaml").SelectMany(Yaml.LoadAll).ToList();
        YamlNode Kind(string kind) => Assert.Single(documents, d => d.Find("kind")?.ToString() == kind);

        var deployment = Kind("Deployment");
        Assert.Equal(slug, deployment.Map("metadata").Str("name"));
        var podSpec = deployment.Map("spec").Map("template").Map("spec");
        var container = Assert.Single(podSpec.Seq("containers"));
        // Liveness (and the start-up grace) ask only whether the process is up; readiness whether its dependencies answer.
        foreach (var (probe, path) in new[] { ("startupProbe", "/healthz/live"), ("livenessProbe", "/healthz/live"), ("readinessProbe", "/healthz/ready") })
        {
            Assert.Equal(path, container.Map(probe).Map("httpGet").Str("path"));
        }

        var resources = container.Map("resources");
        Assert.NotNull(resources.Map("limits").Find("cpu"));
        Assert.NotNull(resources.Map("limits").Find("memory"));
        Assert.NotNull(resources.Map("requests").Find("cpu"));
        // Audit files and checkpoints outlive the pod: every volume is a claim declared here, never an emptyDir, and
        // both audit folders (one per pod) lie on those volumes.
        var claims = documents.Where(d => d.Find("kind")?.ToString() == "PersistentVolumeClaim").Select(d => d.Map("metadata").Str("name")).ToHashSet();
        var volumes = podSpec.Seq("volumes").Children;
        Assert.NotEmpty(volumes);
        foreach (var volume in volumes)
        {
            Assert.Null(volume.Find("emptyDir"));
            Assert.Contains(volume.Map("persistentVolumeClaim").Str("claimName"), claims);
        }

        var env = container.Seq("env").Children.ToDictionary(e => e.Str("name"), e => e.Find("value")?.ToString());
        var mounts = container.Seq("volumeMounts").Children.Select(m => m.Str("mountPath")).ToList();
        foreach (var setting in new[] { "McpPlatform__Audit__Directory", "McpPlatform__Audit__CheckpointDirectory" })
        {
            Assert.Contains(mounts, mount => env[setting]!.StartsWith(mount + "/", StringComparison.Ordinal));
        }

        Assert.Equal(options.Secrets != "keyvault", env.ContainsKey("MCP_SECRET_AUDIT_CHAIN_KEY"));
        var podLabels = deployment.Map("spec").Map("template").Map("metadata").Map("labels");
        Assert.Equal(options.Secrets == "keyvault", podLabels.Find("azure.workload.identity/use") is not null);

        var service = Kind("Service");
        Assert.Equal(slug, service.Map("spec").Map("selector").Str("app"));

        var autoscaler = Kind("HorizontalPodAutoscaler");
        var target = autoscaler.Map("spec").Map("scaleTargetRef");
        Assert.Equal("Deployment", target.Str("kind"));
        Assert.Equal(slug, target.Str("name"));
        Assert.True(int.Parse(autoscaler.Map("spec").Str("maxReplicas")) > int.Parse(autoscaler.Map("spec").Str("minReplicas")));
    }

    /// <summary>Every scaffold path a YAML file names (eng/..., deploy/..., tests/...) exists; artifacts/ is build output.</summary>
    private static void AssertReferencesExist(string directory, string file, IEnumerable<YamlNode> documents)
    {
        foreach (var scalar in documents.SelectMany(d => d.Scalars()))
        {
            foreach (Match reference in ScaffoldPath().Matches(scalar))
            {
                var path = Path.Combine(directory, reference.Value);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{file} references {reference.Value}, which is not in the scaffold");
            }
        }
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts");

    [GeneratedRegex(@"(?<![\w./-])(?:eng|deploy|tests|\.config|\.github)/[\w./-]*[\w/]")]
    private static partial Regex ScaffoldPath();

    [GeneratedRegex(@"^param (\w+) ", RegexOptions.Multiline)]
    private static partial Regex BicepParameters();
}

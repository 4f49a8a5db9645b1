using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;

namespace McpPlatform.Cli.Tests;

public sealed class ConcurrentFirstUseTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Processes_minting_at_once_on_first_use_share_one_key()
    {
        // The CLI built beside these tests, started several times at once against a key file that does not exist yet.
        var cli = Path.Combine(AppContext.BaseDirectory, "mcp-platform.dll");
        var keyFile = _folder.Combine("shared", "dev-issuer.json");
        var processes = Enumerable.Range(0, 4)
            .Select(i => ChildProcess.Start("dotnet", [cli, "dev-token", "--key-file", keyFile, "--subject", $"racer{i}"], _folder.Path, DotnetEnvironment.ForChildProcess()))
            .ToList();
        try
        {
            var tokens = new List<string>();
            foreach (var process in processes)
            {
                Assert.True(await process.WaitForExitAsync(RunTimeout), $"mcp-platform did not finish within {RunTimeout}:\n{process.OutputTail()}");
                Assert.True(process.ExitCode == 0, $"mcp-platform exited with {process.ExitCode}:\n{process.Output}");
                tokens.Add(process.Output.Split('\n').Single(line => line.StartsWith("eyJ", StringComparison.Ordinal)));
            }

            var issuer = DevelopmentIssuer.LoadOrCreate(keyFile);
            foreach (var token in tokens)
            {
                await IssuedToken.ValidateAsync(token, issuer.PublicKey, "http://127.0.0.1:5080/mcp");
            }

            Assert.Equal(["dev-issuer.json"], Directory.GetFiles(Path.GetDirectoryName(keyFile)!).Select(Path.GetFileName));
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }
}

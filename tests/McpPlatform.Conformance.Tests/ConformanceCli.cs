using McpPlatform.Testing;
using System.Text.RegularExpressions;

namespace McpPlatform.Conformance.Tests;

/// <summary>
/// The official conformance suite's CLI (@modelcontextprotocol/conformance under eng/node),
/// run with the Node that eng/node ships.
/// </summary>
internal static partial class ConformanceCli
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs one server scenario against <paramref name="endpoint"/> and reads the checks it saved.</summary>
    public static async Task<ScenarioRun> RunServerScenarioAsync(string scenario, Uri endpoint)
    {
        var resultsDirectory = Directory.CreateTempSubdirectory("mcp-conformance-");
        try
        {
            using var cli = Start(["server", "--url", endpoint.ToString(), "--scenario", scenario, "--output-dir", resultsDirectory.FullName]);
            if (!await cli.WaitForExitAsync(ScenarioTimeout))
            {
                throw new TimeoutException($"Scenario {scenario} did not finish within {ScenarioTimeout.TotalSeconds:0} s.\nCommand: {cli.CommandLine}\nOutput:\n{Plain(cli.OutputTail())}");
            }

            // The suite saves <output-dir>/server-<scenario>-<timestamp>/checks.json.
            var checksFile = resultsDirectory.EnumerateFiles("checks.json", SearchOption.AllDirectories).FirstOrDefault();
            if (checksFile is null)
            {
                throw new InvalidOperationException($"Scenario {scenario} saved no checks.json (exit code {cli.ExitCode}).\nCommand: {cli.CommandLine}\nOutput:\n{Plain(cli.OutputTail())}");
            }

            var checks = ConformanceCheck.ParseAll(await File.ReadAllTextAsync(checksFile.FullName));
            return new ScenarioRun(scenario, checks, cli.ExitCode, Plain(cli.Output));
        }
        finally
        {
            resultsDirectory.Delete(recursive: true);
        }
    }

    /// <summary>The names of every server scenario the installed suite knows (`conformance list --server`).</summary>
    public static async Task<IReadOnlyList<string>> ListServerScenariosAsync()
    {
        using var cli = Start(["list", "--server"]);
        if (!await cli.WaitForExitAsync(ListTimeout) || cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"`conformance list --server` failed.\nCommand: {cli.CommandLine}\nOutput:\n{Plain(cli.OutputTail())}");
        }

        // Lines look like "  - tools-call-simple-text [2025-06-18,2025-11-25]".
        return ListedScenario().Matches(Plain(cli.Output)).Select(m => m.Groups["name"].Value).ToList();
    }

    private static ChildProcess Start(IEnumerable<string> arguments) =>
        ChildProcess.Start(
            RepositoryLayout.NodeExecutable(),
            [ConformancePaths.ConformanceCli(), .. arguments],
            RepositoryLayout.Root,
            new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" });

    /// <summary>The suite colours its report with ANSI escapes; messages read better without.</summary>
    private static string Plain(string text) => AnsiEscape().Replace(text, string.Empty);

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^\s+-\s+(?<name>[a-z0-9][a-z0-9/_.-]*)", RegexOptions.Multiline)]
    private static partial Regex ListedScenario();
}

/// <summary>The outcome of one scenario: its checks, the CLI's exit code and its report.</summary>
public sealed record ScenarioRun(string Scenario, IReadOnlyList<ConformanceCheck> Checks, int ExitCode, string Report)
{
    public int Count(string status) => Checks.Count(c => c.Status == status);

    public string Summary =>
        $"{Scenario}: {Checks.Count} checks, {Count(ConformanceCheck.Success)} success, {Count(ConformanceCheck.Failure)} failure, " +
        $"{Count(ConformanceCheck.Warning)} warning, {Count(ConformanceCheck.Info)} info (CLI exit code {ExitCode})";
}

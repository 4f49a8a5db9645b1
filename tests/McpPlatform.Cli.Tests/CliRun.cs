namespace McpPlatform.Cli.Tests;

/// <summary>One in-process run of the mcp-platform root command: exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Fails with both streams when the run did not succeed.</summary>
    public CliRun EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"mcp-platform exited with {ExitCode}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        return this;
    }
}

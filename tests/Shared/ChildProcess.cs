using System.Diagnostics;
using System.Text;

namespace McpPlatform.Testing;

/// <summary>
/// A process the tests start: its stdout and stderr are captured (interleaved, bounded) for
/// failure messages, and disposing it kills the whole process tree.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int MaxCapturedChars = 200_000;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>The command line, for messages.</summary>
    public required string CommandLine { get; init; }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (for a test that signals the process itself).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            // A null value removes the variable from the child's environment.
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = startInfo };
        var child = new ChildProcess(process) { CommandLine = fileName + " " + string.Join(" ", startInfo.ArgumentList) };
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to completion within <paramref name="timeout"/> and returns its exit code and output.</summary>
    public static async Task<CommandResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        if (!await child.WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"`{child.CommandLine}` did not finish within {timeout}:\n{child.OutputTail()}");
        }

        return new CommandResult(child.CommandLine, child.ExitCode, child.Output);
    }

    /// <summary>Waits for the process to exit; kills it and returns false when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            _process.WaitForExit(); // drains the redirected output
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>The captured output's last <paramref name="maxChars"/> characters.</summary>
    public string OutputTail(int maxChars = 8_000)
    {
        var output = Output;
        return output.Length <= maxChars ? output : "[...]\n" + output[^maxChars..];
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(KillWait);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_output.Length < MaxCapturedChars)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>The outcome of a finished command.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>Throws with the command's output when it failed, so the test log says why.</summary>
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"`{Command}` exited with {ExitCode}:\n{Output}");
}

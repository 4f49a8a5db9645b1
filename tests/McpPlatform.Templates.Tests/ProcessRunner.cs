using System.Diagnostics;
using System.Text;

namespace McpPlatform.Templates.Tests;

/// <summary>The outcome of a finished command.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>Throws with the command's output when it failed, so the test log says why.</summary>
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"`{Command}` exited with {ExitCode}:\n{Output}");
}

/// <summary>Runs commands with a bounded time and captured output, or starts long-running ones.</summary>
internal static class ProcessRunner
{
    public static async Task<CommandResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        using var process = Start(fileName, arguments, workingDirectory, environment, out var output);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{Describe(fileName, arguments)}` did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit(); // drains the redirected streams
        return new CommandResult(Describe(fileName, arguments), process.ExitCode, output.ToString());
    }

    public static Process Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, out OutputLog output)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var buffer = new OutputLog();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => buffer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => buffer.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = buffer;
        return process;
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Path.GetFileName(fileName) }.Concat(arguments));
}

/// <summary>Lines a process printed on stdout and stderr, safe to read while it still runs.</summary>
public sealed class OutputLog
{
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}

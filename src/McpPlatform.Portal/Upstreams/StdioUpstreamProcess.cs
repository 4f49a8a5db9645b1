using System.ComponentModel;
using System.Diagnostics;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Credentials;
using Microsoft.Extensions.Logging;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// One run of a local upstream: the configured command started directly (no shell, arguments passed as they are),
/// with the minimal environment of <see cref="UpstreamEnvironment"/>; MCP over its stdin/stdout, its stderr logged.
/// Disposing kills the whole process tree, so nothing the portal launched outlives it.
/// </summary>
internal sealed partial class StdioUpstreamProcess : IAsyncDisposable
{
    private const int MaxStderrLineLength = 500;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly string _upstream;
    private readonly Task _stderr;
    private volatile string? _lastStderrLine;

    private StdioUpstreamProcess(Process process, string upstream, ILogger logger, UpstreamSecrets secrets)
    {
        _process = process;
        _upstream = upstream;
        _logger = logger;
        _stderr = DrainStderrAsync(secrets);
        Exited = process.WaitForExitAsync();
    }

    /// <summary>The process id (for operators and tests).</summary>
    public int Id => _process.Id;

    /// <summary>Writes go to the process's stdin.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>Reads come from the process's stdout.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited { get; }

    /// <summary>Why the process is gone, for the health detail: exit code and its last stderr line (secrets redacted).</summary>
    public string ExitDescription
    {
        get
        {
            var code = _process.HasExited ? $"the process exited with code {_process.ExitCode}" : "the process stopped answering";
            return _lastStderrLine is { Length: > 0 } line ? $"{code} (stderr: {line})" : code;
        }
    }

    /// <summary><see cref="ExitDescription"/> once stderr is read to its end (bounded), so its last line is there.</summary>
    public async Task<string> DescribeExitAsync()
    {
        try
        {
            await _stderr.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // describe with what has been read
        }

        return ExitDescription;
    }

    /// <summary>Starts the upstream's command.</summary>
    public static async Task<StdioUpstreamProcess> StartAsync(
        string upstream, UpstreamOptions options, string defaultWorkingDirectory, UpstreamSecrets secrets, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Command!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = options.WorkingDirectory ?? defaultWorkingDirectory,
        };
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await UpstreamEnvironment.FillAsync(start.Environment, options.Environment, secrets, cancellationToken).ConfigureAwait(false);

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception failure) when (failure is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new UpstreamException(upstream, $"Upstream '{upstream}': the command '{options.Command}' could not be started ({failure.Message}).", failure);
        }

        LogStarted(logger, upstream, process.Id);
        return new StdioUpstreamProcess(process, upstream, logger, secrets);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception failure) when (failure is InvalidOperationException or Win32Exception)
        {
            // already gone
        }

        try
        {
            await Exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await _stderr.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogNotExited(_logger, _upstream, _process.Id);
        }

        _process.Dispose();
    }

    private async Task DrainStderrAsync(UpstreamSecrets secrets)
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                var shown = secrets.Redact(line.Length > MaxStderrLineLength ? line[..MaxStderrLineLength] : line);
                if (shown.Length > 0)
                {
                    _lastStderrLine = shown;
                    LogStderr(_logger, _upstream, shown);
                }
            }
        }
        catch (Exception failure) when (failure is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the process is gone
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Upstream {Upstream}: started process {ProcessId}")]
    private static partial void LogStarted(ILogger logger, string upstream, int processId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Upstream {Upstream} stderr: {Line}")]
    private static partial void LogStderr(ILogger logger, string upstream, string line);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Upstream {Upstream}: process {ProcessId} did not exit after being killed")]
    private static partial void LogNotExited(ILogger logger, string upstream, int processId);
}

namespace McpPlatform.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The arguments were valid but the work failed (e.g. an unreadable key file).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;
}

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// The input of <c>mcp-platform tokens</c> cannot be measured as given (a missing file, an assembly without a
/// manifest, an unreachable server): a usage error whose message says what to pass instead.
/// </summary>
public sealed class TokenInputException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public TokenInputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

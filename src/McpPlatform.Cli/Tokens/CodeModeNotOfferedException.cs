namespace McpPlatform.Cli.Tokens;

/// <summary>A running server answered, but did not switch to the Code Mode surface when asked to.</summary>
public sealed class CodeModeNotOfferedException(string message) : Exception(message);

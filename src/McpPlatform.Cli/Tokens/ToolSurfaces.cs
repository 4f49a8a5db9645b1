using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// What a client sees of one server, both ways: the native tools/list (every tool definition) and the Code Mode
/// surface (<c>search</c> and <c>execute</c>), as protocol <see cref="Tool"/> objects ready to serialize.
/// </summary>
/// <param name="Source">Where the tools came from: a file path or the server URL.</param>
/// <param name="Server">The server's name and version, when known.</param>
/// <param name="Native">The tool definitions a plain tools/list returns.</param>
/// <param name="CodeMode">The tool definitions a Code Mode tools/list returns.</param>
/// <param name="Notes">Things the reader should know about the numbers (e.g. a policy-filtered list).</param>
public sealed record ToolSurfaces(string Source, string? Server, IReadOnlyList<Tool> Native, IReadOnlyList<Tool> CodeMode, IReadOnlyList<string> Notes);

using McpPlatform.Governance;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Audiences;

/// <summary>
/// Fails start-up on an audience that could not be served as meant, naming the setting: a path that is not an absolute
/// path, that is the main MCP path or another audience's, no tool pattern (which would offer nothing), an access class
/// that does not exist (which would silently offer nothing of it), or a misplaced wildcard.
/// </summary>
internal sealed class PortalAudienceOptionsValidator(IOptions<McpPlatformOptions> platform) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [platform.Value.Path.TrimEnd('/')] = "McpPlatform:Path" };
        foreach (var (audience, settings) in options.Audiences.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var at = $"{PortalOptions.SectionName}:Audiences:{audience}";
            var path = settings.Path?.Trim() ?? "";
            if (!path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal) || path.Contains('{', StringComparison.Ordinal))
            {
                failures.Add($"{at}:Path must be an absolute path such as /{audience}/mcp (got '{settings.Path}').");
            }
            else if (!paths.TryAdd(path.TrimEnd('/'), at + ":Path"))
            {
                failures.Add($"{at}:Path '{path}' is already served by {paths[path.TrimEnd('/')]}; each audience needs its own path.");
            }

            if (settings.Tools.Length == 0)
            {
                failures.Add($"{at}:Tools is empty, so the endpoint would offer nothing; list patterns such as 'jira_*', 'jira/*' or '*'.");
            }

            foreach (var pattern in settings.Tools.Where(p => string.IsNullOrWhiteSpace(p) || p.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != p.Length - 1))
            {
                failures.Add($"{at}:Tools contains '{pattern}'; a '*' may only end a pattern ('jira_*', 'jira/*', '*').");
            }

            foreach (var access in settings.Access.Where(a => !Enum.TryParse<ToolAccess>(a?.Trim(), ignoreCase: true, out var parsed) || parsed == ToolAccess.Unspecified))
            {
                failures.Add($"{at}:Access contains '{access}'; use Read, Write or Destructive.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

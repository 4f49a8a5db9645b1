namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>A tool that needs a credential for the system it fronts, declared as a secret.</summary>
[McpToolSet("Secrets", Description = "Sample tools that use secrets.")]
public static class SecretTools
{
    /// <summary>Signs in to the ticket system and reports how long the token was (never the token).</summary>
    /// <param name="system">Which ticket system to sign in to.</param>
    /// <param name="token">The ticket system's API token, from the secret store.</param>
    [McpTool("sign_in", Access = ToolAccess.Read)]
    public static string SignIn(string system, [Secret("ticket-api-token")] string token) =>
        $"Signed in to {system} with a token of {token.Length} characters.";
}

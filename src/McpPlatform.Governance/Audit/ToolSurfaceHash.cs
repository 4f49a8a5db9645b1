using System.Security.Cryptography;
using System.Text;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// A hash of what the server exposes (each tool's name, access class, description and schema),
/// recorded in every audit record so a reviewer can tell which tool surface served a call.
/// </summary>
internal static class ToolSurfaceHash
{
    public static string Compute(ToolDescriptorSet catalog)
    {
        var text = new StringBuilder();
        foreach (var d in catalog)
        {
            text.Append(d.Name).Append('\n').Append(d.Access).Append('\n').Append(d.Description).Append('\n')
                .Append(d.InputSchema).Append('\n').Append(d.OutputSchema).Append("\n\n");
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

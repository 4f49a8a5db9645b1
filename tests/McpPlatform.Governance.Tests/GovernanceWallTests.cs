using System.Reflection;
using McpPlatform.Governance.Policy;

namespace McpPlatform.Governance.Tests;

/// <summary>
/// The wall of DESIGN.md: the governance core knows no HTTP server and no MCP SDK, so tools of any origin and
/// the CLI can use it. Checked on the built assembly's references, not on source text.
/// </summary>
public sealed class GovernanceWallTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "ModelContextProtocol", "Jint", "Azure."];

    [Fact]
    public void The_governance_core_references_neither_aspnetcore_nor_the_mcp_sdk()
    {
        var references = typeof(PolicyDecisionPoint).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("McpPlatform.Abstractions", references); // the check reads real references
        Assert.DoesNotContain(references, name => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Nothing_the_core_loads_at_run_time_brings_aspnetcore_or_the_sdk()
    {
        // Transitive references too: a package the core uses must not pull the web stack in behind its back.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>([typeof(PolicyDecisionPoint).Assembly.GetName()]);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name.Name!) || name.Name!.StartsWith("System", StringComparison.Ordinal) || name.Name == "netstandard" || name.Name == "mscorlib")
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        Assert.Contains("Serilog", seen);
        Assert.DoesNotContain(seen, name => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}

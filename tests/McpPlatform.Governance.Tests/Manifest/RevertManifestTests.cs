using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Tests.Manifest;

/// <summary>A tool's <c>revert</c> member (docs/rollback.md): read, checked, and reported by <c>manifest diff</c>.</summary>
public sealed class RevertManifestTests
{
    private static JsonObject Revert(string tool, params (string Argument, string Source)[] from)
    {
        var sources = new JsonObject();
        foreach (var (argument, source) in from)
        {
            sources[argument] = source;
        }

        return new JsonObject { ["tool"] = tool, ["from"] = sources };
    }

    private static ManifestDiff Diff(Action<JsonObject> before, Action<JsonObject> after)
    {
        var approved = TestManifest.Standard();
        var current = TestManifest.Standard();
        before(approved);
        after(current);
        return ManifestDiff.Compare(TestManifest.Parse(TestManifest.Seal(approved)), TestManifest.Parse(TestManifest.Seal(current)));
    }

    [Fact]
    public void The_revert_member_is_read_into_the_tool()
    {
        var manifest = TestManifest.Standard();
        manifest.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result"), ("project", "argument"));

        var tool = TestManifest.Parse(TestManifest.Seal(manifest)).Tools.Single(t => t.Name == "issues_create");

        Assert.Equal("issues_delete", tool.Revert!.Tool);
        Assert.Equal(new Dictionary<string, string> { ["id"] = "result", ["project"] = "argument" }, tool.Revert.From);
    }

    [Fact]
    public void A_source_other_than_argument_or_result_is_refused_with_its_path()
    {
        var manifest = TestManifest.Standard();
        manifest.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "environment"));

        var error = Assert.Throws<ManifestFormatException>(() => TestManifest.Parse(TestManifest.Seal(manifest)));

        Assert.Contains("revert.from.id", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected argument or result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_inverse_is_a_medium_risk_change_naming_it()
    {
        var diff = Diff(_ => { }, m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result")));

        var change = Assert.Single(diff.Changes);
        Assert.Equal((ManifestChangeKind.RevertChanged, "issues_create", ManifestRisk.Medium), (change.Kind, change.Tool, change.Risk));
        Assert.Equal("now rolled back by \"issues_delete\" (id from result)", change.Message);
        Assert.True(diff.RequiresApproval);
    }

    [Fact]
    public void A_changed_argument_source_is_reported_and_an_unchanged_revert_is_not()
    {
        var changed = Diff(
            m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result")),
            m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "argument")));
        var same = Diff(
            m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result")),
            m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result")));
        var removed = Diff(m => m.Tool("issues_create")["revert"] = Revert("issues_delete", ("id", "result")), _ => { });

        Assert.Equal("rolled back by \"issues_delete\" (id from argument) (was \"issues_delete\" (id from result))", Assert.Single(changed.Changes).Message);
        Assert.Empty(same.Changes);
        Assert.Equal((ManifestRisk.Low, "no longer rolled back (was \"issues_delete\" (id from result))"), (Assert.Single(removed.Changes).Risk, removed.Changes[0].Message));
    }
}

using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Tests.Manifest;

public sealed class ApprovedManifestTests
{
    private static readonly DateTimeOffset ApprovedAt = new(2026, 11, 25, 19, 0, 1, 500, TimeSpan.FromHours(1));

    private static ApprovedManifest Approve(string? note = "ticket GOV-1") =>
        ApprovedManifest.Create(TestManifest.Parse(TestManifest.Standard()), "jane.doe@example.com", ApprovedAt, note);

    [Fact]
    public void An_approval_round_trips_through_its_file()
    {
        var approval = Approve();

        var loaded = ApprovedManifest.Parse(approval.ToJson(), ManifestFiles.ApprovedFileName);

        Assert.Equal(approval.Manifest.Hash, loaded.Approval.Hash);
        Assert.Equal("jane.doe@example.com", loaded.Approval.Reviewer);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 18, 0, 1, TimeSpan.Zero), loaded.Approval.ApprovedAt);
        Assert.Equal("ticket GOV-1", loaded.Approval.Note);
        Assert.Equal(CanonicalJson.ToCanonicalString(approval.Manifest.Root), CanonicalJson.ToCanonicalString(loaded.Manifest.Root));
    }

    [Fact]
    public void The_file_is_deterministic_indented_json_with_lf_and_a_final_newline()
    {
        var text = Approve().ToJson();

        Assert.Equal(text, Approve().ToJson());
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text);
        Assert.StartsWith("{\n  \"approval\": {\n    \"hash\": \"sha256:", text);
        Assert.Contains("\n    \"approvedAt\": \"2026-11-25T18:00:01Z\",\n    \"note\": \"ticket GOV-1\"\n  },\n  \"manifest\": {\n    \"manifestVersion\": 1,", text);
        Assert.DoesNotContain("\"note\"", Approve(note: null).ToJson());
    }

    [Fact]
    public void A_manifest_file_is_embedded_verbatim_one_level_deeper()
    {
        var manifestText = TestManifest.Standard().ToJsonString() + "\n"; // one line, as no writer here would format it
        var approval = ApprovedManifest.Create(ManifestDocument.Parse(manifestText, "m.json"), "jane.doe@example.com", ApprovedAt);

        var text = approval.ToJson();

        Assert.EndsWith($"\n  \"manifest\": {manifestText.TrimEnd()}\n}}\n", text);
        Assert.Equal(approval.Manifest.Hash, ApprovedManifest.Parse(text, "a.json").Approval.Hash);
    }

    [Fact]
    public void Rewriting_a_loaded_approval_keeps_its_content()
    {
        var text = Approve().ToJson();
        var loaded = ApprovedManifest.Parse(text, "a.json");

        var again = ApprovedManifest.Create(loaded.Manifest, loaded.Approval.Reviewer, loaded.Approval.ApprovedAt, loaded.Approval.Note).ToJson();

        Assert.Equal(text, again);
    }

    [Fact]
    public void An_approval_hash_edited_by_hand_is_rejected_as_tampered()
    {
        var other = TestManifest.Create(TestManifest.Tool("something_else"));
        var text = Approve().ToJson();
        var approvalHash = Approve().Approval.Hash;
        text = ReplaceFirst(text, approvalHash, (string)other["hash"]!);

        var error = Assert.Throws<ManifestTamperedException>(() => ApprovedManifest.Parse(text, ManifestFiles.ApprovedFileName));

        Assert.Equal("approval.hash", error.FieldPath);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_manifest_edited_inside_the_approved_file_is_rejected_as_tampered()
    {
        var text = Approve().ToJson().Replace("\"access\": \"read\"", "\"access\": \"write\"", StringComparison.Ordinal);

        var error = Assert.Throws<ManifestTamperedException>(() => ApprovedManifest.Parse(text, ManifestFiles.ApprovedFileName));

        Assert.Equal("manifest.hash", error.FieldPath);
        Assert.Equal(text.Split('\n').ToList().FindLastIndex(l => l.StartsWith("    \"hash\"", StringComparison.Ordinal)) + 1, error.Line);
    }

    [Fact]
    public void A_malformed_approval_names_the_line_and_field()
    {
        var json = JsonNode.Parse(Approve().ToJson())!.AsObject();
        json["approval"]!["approvedAt"] = "yesterday";
        var text = TestManifest.Text(json);

        var error = Assert.ThrowsAny<ManifestFormatException>(() => ApprovedManifest.Parse(text, "approved.json"));

        Assert.Equal($"approved.json line {TestManifest.LineOf(text, "yesterday")}: approval.approvedAt: expected an ISO 8601 time with a zone, e.g. 2026-11-25T18:00:00Z, found 'yesterday'", error.Message);
    }

    [Fact]
    public void Errors_inside_the_embedded_manifest_are_prefixed_with_manifest()
    {
        var json = JsonNode.Parse(Approve().ToJson())!.AsObject();
        json["manifest"]!["tools"]![0]!["access"] = "root";

        var error = Assert.ThrowsAny<ManifestFormatException>(() => ApprovedManifest.Parse(TestManifest.Text(json), "approved.json"));

        Assert.Equal("manifest.tools[0].access", error.FieldPath);
    }

    [Fact]
    public void A_blank_reviewer_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => ApprovedManifest.Create(TestManifest.Parse(TestManifest.Standard()), " ", ApprovedAt));
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var index = text.IndexOf(old, StringComparison.Ordinal);
        return text[..index] + replacement + text[(index + old.Length)..];
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>Who approved a manifest, when, and which manifest (by hash).</summary>
/// <param name="Hash">The approved manifest's hash; equals the embedded manifest's <c>hash</c>.</param>
/// <param name="Reviewer">The reviewer, usually an e-mail address.</param>
/// <param name="ApprovedAt">When, in UTC, to the second.</param>
/// <param name="Note">An optional note from the reviewer.</param>
public sealed record ManifestApproval(string Hash, string Reviewer, DateTimeOffset ApprovedAt, string? Note);

/// <summary>
/// <c>mcp-manifest.approved.json</c>: an <see cref="ManifestApproval"/> and the manifest it approves, verbatim.
/// Loading rejects a file whose <c>approval.hash</c> differs from <c>manifest.hash</c>, or whose manifest content
/// does not match its hash, as tampered (<see cref="ManifestTamperedException"/>).
/// </summary>
public sealed class ApprovedManifest
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static readonly string[] RootMembers = ["approval", "manifest"];
    private static readonly string[] ApprovalMembers = ["hash", "reviewer", "approvedAt", "note"];

    private ApprovedManifest(ManifestApproval approval, ManifestDocument manifest)
    {
        Approval = approval;
        Manifest = manifest;
    }

    /// <summary>The approval record.</summary>
    public ManifestApproval Approval { get; }

    /// <summary>The approved manifest (its hash verified and equal to <see cref="ManifestApproval.Hash"/>).</summary>
    public ManifestDocument Manifest { get; }

    /// <summary>Reads and verifies an approved-manifest file.</summary>
    /// <exception cref="ManifestFormatException">The file is malformed; the message names the file, line and field.</exception>
    /// <exception cref="ManifestTamperedException">The hashes do not match the content or each other.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static ApprovedManifest Load(string path) => Parse(JsonText.ReadFile(path), path);

    /// <summary>Parses and verifies approved-manifest JSON; <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="ManifestFormatException">The text is malformed; the message names the source, line and field.</exception>
    /// <exception cref="ManifestTamperedException">The hashes do not match the content or each other.</exception>
    public static ApprovedManifest Parse(string text, string sourceName)
    {
        var (document, reader) = JsonText.Parse(text, sourceName);
        using (document)
        {
            var root = document.RootElement;
            reader.Object(root, string.Empty, RootMembers);
            var approval = reader.Required(root, string.Empty, "approval", "an object with hash, reviewer and approvedAt");
            reader.Object(approval, "approval", ApprovalMembers);
            var manifestElement = reader.Required(root, string.Empty, "manifest", "the approved manifest");
            var manifest = ManifestReader.Read(manifestElement, "manifest", reader);

            var hash = reader.String(approval, "approval", "hash");
            var reviewer = reader.String(approval, "approval", "reviewer");
            var approvedAt = ReadTimestamp(reader, reader.String(approval, "approval", "approvedAt"));
            var note = reader.OptionalString(approval, "approval", "note");
            if (!string.Equals(hash, manifest.Hash, StringComparison.Ordinal))
            {
                throw reader.Tampered("approval.hash", $"{hash} is not the hash of the manifest in this file ({manifest.Hash}); "
                    + "the file was edited after approval. Approve again with 'mcp-platform manifest approve'.");
            }

            return new ApprovedManifest(new ManifestApproval(hash, reviewer, approvedAt, note), manifest);
        }
    }

    /// <summary>An approval of <paramref name="manifest"/> by <paramref name="reviewer"/> at <paramref name="approvedAt"/> (kept in UTC, to the second).</summary>
    /// <exception cref="ArgumentException">The reviewer is blank.</exception>
    public static ApprovedManifest Create(ManifestDocument manifest, string reviewer, DateTimeOffset approvedAt, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var utc = approvedAt.ToUniversalTime();
        var seconds = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new ApprovedManifest(
            new ManifestApproval(manifest.Hash, reviewer.Trim(), seconds, string.IsNullOrWhiteSpace(note) ? null : note),
            manifest);
    }

    /// <summary>
    /// The file content: indented JSON (two spaces), LF line ends, a final newline; the same bytes on every machine.
    /// A manifest parsed from a whole file is embedded verbatim (re-indented one level), so it reads like
    /// <c>mcp-manifest.json</c> in a code review.
    /// </summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"approval\": {\n");
        Member(text, "hash", Approval.Hash, last: false);
        Member(text, "reviewer", Approval.Reviewer, last: false);
        Member(text, "approvedAt", Approval.ApprovedAt.ToString(TimestampFormat, CultureInfo.InvariantCulture), last: Approval.Note is null);
        if (Approval.Note is { } note)
        {
            Member(text, "note", note, last: true);
        }

        text.Append("  },\n  \"manifest\": ");
        if (Manifest.SourceText is { } source)
        {
            // Verbatim, one level deeper: a line break in JSON text is always whitespace (strings cannot hold one).
            text.Append(source.Replace("\n", "\n  ", StringComparison.Ordinal));
        }
        else
        {
            JsonText.AppendIndented(text, Manifest.Root, depth: 1);
        }

        return text.Append("\n}\n").ToString();
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    public void Write(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void Member(StringBuilder text, string name, string value, bool last)
    {
        text.Append("    ");
        CanonicalJson.AppendString(text, name);
        text.Append(": ");
        CanonicalJson.AppendString(text, value);
        text.Append(last ? "\n" : ",\n");
    }

    private static DateTimeOffset ReadTimestamp(ManifestFieldReader reader, string value)
    {
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9)
            ? time.ToUniversalTime()
            : throw reader.Error("approval.approvedAt", $"expected an ISO 8601 time with a zone, e.g. 2026-11-25T18:00:00Z, found {ManifestFieldReader.Shown(value)}");
    }
}

namespace McpPlatform.Fixtures.Workplace.Drive;

/// <summary>What a person may do with a shared file.</summary>
public enum DriveRole
{
    /// <summary>Read the file.</summary>
    Reader,

    /// <summary>Read and comment.</summary>
    Commenter,

    /// <summary>Read, comment and edit.</summary>
    Writer,

    /// <summary>Everything, including sharing and deleting.</summary>
    Owner,
}

/// <summary>A file or folder in the drive.</summary>
/// <param name="Id">The file id.</param>
/// <param name="Name">The file name, e.g. Q3 plan.docx.</param>
/// <param name="MimeType">The content type; folders are application/vnd.folder.</param>
/// <param name="ParentId">The folder that holds it; null for the root.</param>
/// <param name="SizeBytes">The size in bytes; 0 for folders.</param>
/// <param name="Owner">The user who owns it.</param>
/// <param name="Starred">Whether the caller starred it.</param>
/// <param name="WebLink">A link that opens it in the browser.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ModifiedAt">When its content last changed.</param>
public sealed record DriveFile(
    string Id,
    string Name,
    string MimeType,
    string? ParentId,
    long SizeBytes,
    string Owner,
    bool Starred,
    string WebLink,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt);

/// <summary>A page of files.</summary>
/// <param name="Files">The files on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
public sealed record DriveFilePage(IReadOnlyList<DriveFile> Files, string? NextPageToken);

/// <summary>The text content of a file.</summary>
/// <param name="FileId">The file id.</param>
/// <param name="Name">The file name.</param>
/// <param name="Text">The text, exported as plain text for documents.</param>
/// <param name="Truncated">Whether the text was cut at the requested length.</param>
public sealed record DriveFileText(string FileId, string Name, string Text, bool Truncated);

/// <summary>Who may access a file and how.</summary>
/// <param name="Id">The permission id.</param>
/// <param name="FileId">The file it applies to.</param>
/// <param name="EmailAddress">The person or group it is granted to.</param>
/// <param name="Role">What they may do.</param>
/// <param name="ExpiresAt">When the access ends; null for never.</param>
public sealed record DrivePermission(string Id, string FileId, string EmailAddress, DriveRole Role, DateTimeOffset? ExpiresAt);

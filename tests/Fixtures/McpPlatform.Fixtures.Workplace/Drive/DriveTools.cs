namespace McpPlatform.Fixtures.Workplace.Drive;

/// <summary>A file drive: folders, files, text content and sharing.</summary>
[McpToolSet("drive", Description = "Drive: files, folders and sharing.")]
public static class DriveTools
{
    /// <summary>Lists the files and folders in a folder, newest first.</summary>
    /// <param name="folderId">The folder to list; the root when omitted.</param>
    /// <param name="pageSize">At most this many files (1-200).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DriveFilePage ListFiles(string? folderId = null, int pageSize = 50, string? pageToken = null)
    {
        var skip = int.TryParse(pageToken, out var offset) ? offset : 0;
        var size = Math.Clamp(pageSize, 1, 200);
        var files = DriveStore.Files.Values.Where(f => f.ParentId == folderId).OrderByDescending(f => f.ModifiedAt).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var next = skip + size < files.Count ? (skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new DriveFilePage(files.Skip(skip).Take(size).ToList(), next);
    }

    /// <summary>Searches file names and contents across the whole drive.</summary>
    /// <param name="query">Words to look for in file names and text content.</param>
    /// <param name="mimeType">Only files of this content type, e.g. application/pdf.</param>
    /// <param name="modifiedAfter">Only files changed after this time.</param>
    /// <param name="pageSize">At most this many files (1-200).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DriveFilePage SearchFiles(string query, string? mimeType = null, DateTimeOffset? modifiedAfter = null, int pageSize = 50)
    {
        var files = DriveStore.Files.Values
            .Where(f => f.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (DriveStore.Contents.TryGetValue(f.Id, out var text) && text.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .Where(f => mimeType is null || f.MimeType == mimeType)
            .Where(f => modifiedAfter is null || f.ModifiedAt > modifiedAfter)
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(pageSize, 1, 200))
            .ToList();
        return new DriveFilePage(files, null);
    }

    /// <summary>Gets a file's metadata: name, type, size, owner, folder and link. Does not return the content.</summary>
    /// <param name="fileId">The file id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DriveFile GetFileMetadata(string fileId) => DriveStore.Get(fileId);

    /// <summary>Reads a file's content as text; documents and spreadsheets are exported as plain text.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="maxCharacters">Cut the text after this many characters (1-200000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DriveFileText ReadFileText(string fileId, int maxCharacters = 20000)
    {
        var file = DriveStore.Get(fileId);
        var text = DriveStore.Contents.GetValueOrDefault(fileId, string.Empty);
        var limit = Math.Clamp(maxCharacters, 1, 200_000);
        return new DriveFileText(file.Id, file.Name, text.Length > limit ? text[..limit] : text, text.Length > limit);
    }

    /// <summary>Uploads a new text file into a folder and returns its metadata.</summary>
    /// <param name="name">The file name, e.g. notes.md.</param>
    /// <param name="content">The text content.</param>
    /// <param name="folderId">The folder to put it in; the root when omitted.</param>
    /// <param name="mimeType">The content type.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static DriveFile UploadFile(string name, string content, string? folderId = null, string mimeType = "text/plain")
    {
        var file = DriveStore.New(name, mimeType, folderId, System.Text.Encoding.UTF8.GetByteCount(content));
        DriveStore.Contents[file.Id] = content;
        return file;
    }

    /// <summary>Creates a folder.</summary>
    /// <param name="name">The folder name.</param>
    /// <param name="parentId">The folder to create it in; the root when omitted.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static DriveFile CreateFolder(string name, string? parentId = null) => DriveStore.New(name, DriveStore.FolderMimeType, parentId, 0);

    /// <summary>Moves a file or folder into another folder.</summary>
    /// <param name="fileId">The file or folder to move.</param>
    /// <param name="targetFolderId">The folder to move it into.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DriveFile MoveFile(string fileId, string targetFolderId)
    {
        DriveStore.Get(targetFolderId);
        return DriveStore.Save(DriveStore.Get(fileId) with { ParentId = targetFolderId });
    }

    /// <summary>Renames a file or folder.</summary>
    /// <param name="fileId">The file or folder to rename.</param>
    /// <param name="newName">The new name.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DriveFile RenameFile(string fileId, string newName) => DriveStore.Save(DriveStore.Get(fileId) with { Name = newName });

    /// <summary>Copies a file, optionally into another folder and under another name.</summary>
    /// <param name="fileId">The file to copy.</param>
    /// <param name="newName">The copy's name; "Copy of" the original's when omitted.</param>
    /// <param name="targetFolderId">The folder for the copy; the original's folder when omitted.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static DriveFile CopyFile(string fileId, string? newName = null, string? targetFolderId = null)
    {
        var original = DriveStore.Get(fileId);
        var copy = DriveStore.New(newName ?? "Copy of " + original.Name, original.MimeType, targetFolderId ?? original.ParentId, original.SizeBytes);
        if (DriveStore.Contents.TryGetValue(fileId, out var text))
        {
            DriveStore.Contents[copy.Id] = text;
        }

        return copy;
    }

    /// <summary>Shares a file with a person or group, optionally until a given time.</summary>
    /// <param name="fileId">The file to share.</param>
    /// <param name="emailAddress">The person's or group's e-mail address.</param>
    /// <param name="role">What they may do with the file.</param>
    /// <param name="expiresAt">When the access ends; never when omitted.</param>
    /// <param name="notify">Send them an e-mail about it.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static DrivePermission ShareFile(string fileId, string emailAddress, DriveRole role = DriveRole.Reader, DateTimeOffset? expiresAt = null, bool notify = true)
    {
        DriveStore.Get(fileId);
        var permission = new DrivePermission(DriveStore.NextId("p-"), fileId, emailAddress, role, expiresAt);
        DriveStore.Permissions[permission.Id] = permission;
        return permission;
    }

    /// <summary>Lists who may access a file and how.</summary>
    /// <param name="fileId">The file id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<DrivePermission> ListPermissions(string fileId)
    {
        DriveStore.Get(fileId);
        return DriveStore.Permissions.Values.Where(p => p.FileId == fileId).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes a person's or group's access to a file.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="permissionId">The permission to remove, from list_permissions.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string RevokePermission(string fileId, string permissionId) =>
        DriveStore.Permissions.TryRemove(permissionId, out _) ? $"Revoked {permissionId} on {fileId}." : throw NotFound.Error("permission", permissionId);

    /// <summary>Deletes a file, or a folder with everything in it. Deleted files cannot be recovered.</summary>
    /// <param name="fileId">The file or folder to delete.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string DeleteFile(string fileId)
    {
        var file = DriveStore.Get(fileId);
        DriveStore.Files.TryRemove(file.Id, out _);
        DriveStore.Contents.TryRemove(file.Id, out _);
        return $"Deleted {file.Name}.";
    }
}

namespace McpPlatform.Fixtures.Workplace.Wiki;

/// <summary>The format of a page body.</summary>
public enum PageFormat
{
    /// <summary>Markdown.</summary>
    Markdown,

    /// <summary>The wiki's storage format (XHTML).</summary>
    Storage,
}

/// <summary>A wiki page.</summary>
/// <param name="Id">The page id.</param>
/// <param name="SpaceKey">The space the page lives in.</param>
/// <param name="Title">The page title, unique within the space.</param>
/// <param name="ParentId">The parent page; null for a top-level page.</param>
/// <param name="Body">The page content.</param>
/// <param name="Format">The format of the body.</param>
/// <param name="Version">The version number, incremented on every edit.</param>
/// <param name="Labels">The page's labels.</param>
/// <param name="Author">Who last edited it.</param>
/// <param name="UpdatedAt">When it was last edited.</param>
public sealed record WikiPage(
    string Id,
    string SpaceKey,
    string Title,
    string? ParentId,
    string Body,
    PageFormat Format,
    int Version,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset UpdatedAt);

/// <summary>A search hit: a page with a highlighted excerpt.</summary>
/// <param name="PageId">The page id.</param>
/// <param name="SpaceKey">The page's space.</param>
/// <param name="Title">The page title.</param>
/// <param name="Excerpt">The text around the match.</param>
/// <param name="UpdatedAt">When the page was last edited.</param>
public sealed record PageSearchHit(string PageId, string SpaceKey, string Title, string Excerpt, DateTimeOffset UpdatedAt);

/// <summary>A wiki space: a collection of pages for a team or topic.</summary>
/// <param name="Key">The space key, e.g. ENG.</param>
/// <param name="Name">The space name.</param>
/// <param name="Description">What the space is for.</param>
/// <param name="HomePageId">The space's home page.</param>
/// <param name="PageCount">How many pages it holds.</param>
public sealed record WikiSpace(string Key, string Name, string Description, string HomePageId, int PageCount);

/// <summary>One version in a page's history.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Author">Who made the edit.</param>
/// <param name="Message">The edit summary.</param>
/// <param name="CreatedAt">When the edit was made.</param>
public sealed record PageVersion(int Version, string Author, string Message, DateTimeOffset CreatedAt);

/// <summary>A file attached to a page.</summary>
/// <param name="Id">The attachment id.</param>
/// <param name="PageId">The page it is attached to.</param>
/// <param name="FileName">The file name.</param>
/// <param name="MediaType">The content type.</param>
/// <param name="SizeBytes">The size in bytes.</param>
/// <param name="DownloadLink">A link to download it.</param>
public sealed record PageAttachment(string Id, string PageId, string FileName, string MediaType, long SizeBytes, string DownloadLink);

/// <summary>A comment on a page.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="PageId">The page it belongs to.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Body">The comment text in Markdown.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record PageComment(string Id, string PageId, string Author, string Body, DateTimeOffset CreatedAt);

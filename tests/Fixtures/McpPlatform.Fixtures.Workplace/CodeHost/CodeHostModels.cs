namespace McpPlatform.Fixtures.Workplace.CodeHost;

/// <summary>The state of a pull request.</summary>
public enum PullRequestState
{
    /// <summary>Open for review.</summary>
    Open,

    /// <summary>Closed without merging.</summary>
    Closed,

    /// <summary>Merged into its base branch.</summary>
    Merged,
}

/// <summary>A reviewer's verdict.</summary>
public enum ReviewVerdict
{
    /// <summary>Comments only.</summary>
    Comment,

    /// <summary>Ready to merge.</summary>
    Approve,

    /// <summary>Needs changes before merging.</summary>
    RequestChanges,
}

/// <summary>How a pull request is merged.</summary>
public enum MergeMethod
{
    /// <summary>A merge commit.</summary>
    Merge,

    /// <summary>All commits squashed into one.</summary>
    Squash,

    /// <summary>Commits rebased onto the base branch.</summary>
    Rebase,
}

/// <summary>A repository.</summary>
/// <param name="FullName">owner/name, e.g. acme/platform.</param>
/// <param name="Description">What the repository holds.</param>
/// <param name="DefaultBranch">The default branch, e.g. main.</param>
/// <param name="Private">Whether only members can see it.</param>
/// <param name="Language">The main programming language.</param>
/// <param name="OpenPullRequests">How many pull requests are open.</param>
/// <param name="PushedAt">When it was last pushed to.</param>
public sealed record Repository(string FullName, string Description, string DefaultBranch, bool Private, string Language, int OpenPullRequests, DateTimeOffset PushedAt);

/// <summary>A code search hit.</summary>
/// <param name="Repository">The repository, owner/name.</param>
/// <param name="Path">The file path.</param>
/// <param name="LineNumber">The line of the match.</param>
/// <param name="Fragment">The matching line with some context.</param>
public sealed record CodeSearchHit(string Repository, string Path, int LineNumber, string Fragment);

/// <summary>A file's content at a revision.</summary>
/// <param name="Repository">The repository, owner/name.</param>
/// <param name="Path">The file path.</param>
/// <param name="Ref">The branch, tag or commit it was read at.</param>
/// <param name="Sha">The blob SHA.</param>
/// <param name="Content">The file content as text.</param>
public sealed record FileContents(string Repository, string Path, string Ref, string Sha, string Content);

/// <summary>A branch.</summary>
/// <param name="Name">The branch name.</param>
/// <param name="HeadSha">The commit the branch points to.</param>
/// <param name="Protected">Whether pushes need a reviewed pull request.</param>
public sealed record Branch(string Name, string HeadSha, bool Protected);

/// <summary>A pull request.</summary>
/// <param name="Number">The pull request number.</param>
/// <param name="Repository">The repository, owner/name.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The description in Markdown.</param>
/// <param name="State">Open, closed or merged.</param>
/// <param name="Author">Who opened it.</param>
/// <param name="HeadBranch">The branch with the changes.</param>
/// <param name="BaseBranch">The branch to merge into.</param>
/// <param name="Draft">Whether it is a draft.</param>
/// <param name="Reviewers">Who is asked to review.</param>
/// <param name="CreatedAt">When it was opened.</param>
public sealed record PullRequest(
    int Number,
    string Repository,
    string Title,
    string Body,
    PullRequestState State,
    string Author,
    string HeadBranch,
    string BaseBranch,
    bool Draft,
    IReadOnlyList<string> Reviewers,
    DateTimeOffset CreatedAt);

/// <summary>A submitted review.</summary>
/// <param name="Id">The review id.</param>
/// <param name="PullRequestNumber">The pull request reviewed.</param>
/// <param name="Reviewer">Who reviewed.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Body">The review comment.</param>
public sealed record Review(string Id, int PullRequestNumber, string Reviewer, ReviewVerdict Verdict, string Body);

/// <summary>The outcome of a merge.</summary>
/// <param name="Merged">Whether the pull request was merged.</param>
/// <param name="Sha">The resulting commit on the base branch.</param>
/// <param name="Message">What happened.</param>
public sealed record MergeResult(bool Merged, string Sha, string Message);

/// <summary>A commit.</summary>
/// <param name="Sha">The commit SHA.</param>
/// <param name="Message">The commit message.</param>
/// <param name="Author">Who wrote the change.</param>
/// <param name="CommittedAt">When it was committed.</param>
public sealed record Commit(string Sha, string Message, string Author, DateTimeOffset CommittedAt);

using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// Compares generated source with an expected file under Expected/. On mismatch the actual text
/// is written beside it as *.received.cs and the test fails with a line diff.
/// Set UPDATE_SNAPSHOTS=1 to rewrite the expected files instead.
/// </summary>
internal static class Snapshot
{
    public static void Matches(string actual, string expectedFileName, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerPath), "Expected");
        var expectedPath = Path.Combine(directory, expectedFileName);
        var receivedPath = Path.Combine(directory, ReceivedFileName(expectedFileName));
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : string.Empty;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        throw new XunitException(
            $"Generated source differs from {expectedFileName} (actual written to {Path.GetFileName(receivedPath)}; " +
            $"run with UPDATE_SNAPSHOTS=1 to accept it):\n{LineDiff.Describe(expected, actual)}");
    }

    /// <summary>Issues.g.cs -> Issues.received.cs (ignored by the folder's .gitignore).</summary>
    private static string ReceivedFileName(string expectedFileName)
    {
        var stem = expectedFileName.EndsWith(".g.cs", StringComparison.Ordinal) ? expectedFileName[..^".g.cs".Length] : Path.GetFileNameWithoutExtension(expectedFileName);
        return stem + ".received.cs";
    }

    /// <summary>The test project folder: the caller's file lives in it or in one of its subfolders.</summary>
    private static string ProjectDirectory(string callerPath)
    {
        for (var directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "McpPlatform.Generators.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No test project folder above {callerPath}.");
    }
}

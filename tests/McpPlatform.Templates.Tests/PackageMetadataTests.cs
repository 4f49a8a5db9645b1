using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// What every package eng/pack.sh puts in artifacts/packages carries (docs/packages.md): one version, a readme,
/// repository, tags and license, and for code a .snupkg whose PDBs link to the repository through SourceLink.
/// </summary>
public sealed class PackageMetadataTests
{
    /// <summary>The GUID of the SourceLink custom debug information in a portable PDB.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly string[] ExpectedPackages = ["McpPlatform.Abstractions", "McpPlatform.Cli", "McpPlatform.Hosting", "McpPlatform.Hosting.AuthorizationServer", "McpPlatform.Hosting.Redis", "McpPlatform.Portal", "McpPlatform.Templates"];

    private static string BuildProperty(string name)
    {
        var props = XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Build.props"));
        var values = props.Descendants(name).Select(e => e.Value.Trim()).ToList();
        return Assert.Single(values);
    }

    /// <summary>The one version source.</summary>
    private static string Version => BuildProperty("McpPlatformVersion");

    private static string[] Packages()
    {
        RepositoryLayout.PackedFile("McpPlatform.Hosting.?.*.nupkg"); // says how to make the feed when it is missing
        return Directory.GetFiles(RepositoryLayout.PackageFeed, "*.nupkg");
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string ReadText(ZipArchive package, string path)
    {
        using var reader = new StreamReader(package.GetEntry(path)?.Open() ?? throw new InvalidOperationException($"{path} is not in the package"));
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_feed_holds_every_platform_package_at_the_one_version()
    {
        var found = Packages().Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(ExpectedPackages.Select(p => $"{p}.{Version}.nupkg"), found.Where(f => ExpectedPackages.Any(p => f!.StartsWith(p + ".", StringComparison.Ordinal))));
        foreach (var path in Packages())
        {
            using var package = ZipFile.OpenRead(path);
            var metadata = Metadata(package);
            Assert.Equal($"{Element(metadata, "id")}.{Version}.nupkg", Path.GetFileName(path));
            Assert.Equal(Version, Element(metadata, "version"));
            foreach (var dependency in metadata.Descendants().Where(e => e.Name.LocalName == "dependency" && ((string?)e.Attribute("id"))!.StartsWith("McpPlatform.", StringComparison.Ordinal)))
            {
                Assert.Equal(Version, (string?)dependency.Attribute("version"));
            }
        }
    }

    [Fact]
    public void Every_package_has_a_readme_inside_it_repository_project_url_tags_and_license()
    {
        var repositoryUrl = BuildProperty("McpPlatformRepositoryUrl");
        foreach (var path in Packages())
        {
            using var package = ZipFile.OpenRead(path);
            var metadata = Metadata(package);
            var id = Element(metadata, "id")!;

            var readme = Element(metadata, "readme");
            Assert.True(readme == "README.md", $"{id}: <readme> is '{readme}'");
            Assert.StartsWith($"# {id}", ReadText(package, readme));

            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.Equal(repositoryUrl, (string?)repository.Attribute("url"));
            Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
            Assert.Equal(repositoryUrl, Element(metadata, "projectUrl"));
            Assert.Contains("mcp", (Element(metadata, "tags") ?? string.Empty).Split(' '));
            Assert.Equal("MIT", Element(metadata, "license"));
            Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")), $"{id} has no description");
        }
    }

    [Fact]
    public void Every_package_with_assemblies_has_a_snupkg_whose_pdbs_link_to_the_repository()
    {
        var rawUrl = BuildProperty("McpPlatformRepositoryUrl").Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        var libraries = 0;
        foreach (var path in Packages())
        {
            using var package = ZipFile.OpenRead(path);
            // The package's own assemblies: a library's lib/ folder, or the tool's entry assembly.
            var assemblies = package.Entries
                .Where(e => (e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
                    || (e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name == "mcp-platform.dll"))
                .Select(e => Path.GetFileNameWithoutExtension(e.Name))
                .ToList();
            if (assemblies.Count == 0)
            {
                continue; // the template pack: content only
            }

            libraries++;
            var symbols = Path.ChangeExtension(path, ".snupkg");
            Assert.True(File.Exists(symbols), $"{Path.GetFileName(path)} has no {Path.GetFileName(symbols)} beside it");
            using var symbolPackage = ZipFile.OpenRead(symbols);
            foreach (var assembly in assemblies)
            {
                var pdb = symbolPackage.Entries.FirstOrDefault(e => e.Name == assembly + ".pdb");
                Assert.True(pdb is not null, $"{Path.GetFileName(symbols)} has no {assembly}.pdb");
                var sourceLink = SourceLinkJson(pdb!);
                Assert.Contains(rawUrl + "/", sourceLink);
            }
        }

        Assert.True(libraries >= 3, $"only {libraries} packages with assemblies");
    }

    [Fact]
    public void The_template_pack_stamps_the_one_version_into_the_scaffold()
    {
        using var package = ZipFile.OpenRead(RepositoryLayout.PackedFile("McpPlatform.Templates.*.nupkg"));

        Assert.Contains($"<PackageVersion Include=\"McpPlatform.Hosting\" Version=\"{Version}\" />", ReadText(package, "content/mcp-governed/Directory.Packages.props"));
        Assert.Contains($"\"version\": \"{Version}\",", ReadText(package, "content/mcp-governed/.config/dotnet-tools.json"));
        Assert.Contains($"<PackageVersion Include=\"McpPlatform.Portal\" Version=\"{Version}\" />", ReadText(package, "content/mcp-portal/Directory.Packages.props"));
        Assert.Contains($"\"version\": \"{Version}\",", ReadText(package, "content/mcp-portal/.config/dotnet-tools.json"));
        var unstamped = package.Entries.Where(e => e.FullName.StartsWith("content/", StringComparison.Ordinal) && e.Length > 0)
            .Where(e =>
            {
                using var reader = new StreamReader(e.Open());
                return reader.ReadToEnd().Contains("@McpPlatformVersion@", StringComparison.Ordinal);
            })
            .Select(e => e.FullName)
            .ToList();
        Assert.Empty(unstamped);
    }

    private static string SourceLinkJson(ZipArchiveEntry pdb)
    {
        using var copy = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return string.Empty;
    }
}

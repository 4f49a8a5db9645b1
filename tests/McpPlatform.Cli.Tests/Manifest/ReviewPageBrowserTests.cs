using System.Text.RegularExpressions;

namespace McpPlatform.Cli.Tests.Manifest;

/// <summary>Opens the review page in headless Chromium: it must render (a non-blank screenshot) with every tool row in the DOM.</summary>
public sealed class ReviewPageBrowserTests : IDisposable
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Chromium_renders_the_review_page_with_its_rows_badges_and_no_executed_script()
    {
        var browser = Chromium.Find();
        var page = _folder.Combine("review.html");
        await ReviewPageTests.WriteChangedProjectAndReviewAsync(_folder, page);
        var url = new Uri(page).AbsoluteUri;

        var screenshot = _folder.Combine("review.png");
        var shot = await Chromium.RunAsync(browser, _folder, BrowserTimeout, $"--screenshot={screenshot}", "--window-size=1280,900", url);
        Assert.True(File.Exists(screenshot), $"Chromium wrote no screenshot (exit {shot.ExitCode}):\n{shot.Output}");
        var image = PngImage.Decode(File.ReadAllBytes(screenshot));
        Assert.Equal((1280, 900), (image.Width, image.Height));

        // Not blank: plenty of non-white pixels, many colours, and the badge colours of the stylesheet.
        var colours = new HashSet<(byte, byte, byte)>();
        var ink = 0;
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var pixel = image[x, y];
                colours.Add(pixel);
                ink += pixel is (> 245, > 245, > 245) ? 0 : 1;
            }
        }

        Assert.True(ink > image.Width * image.Height / 4 / 50, $"only {ink} non-white sampled pixels: the page looks blank");
        Assert.True(colours.Count > 20, $"only {colours.Count} colours: the page looks blank");
        Assert.True(HasColour(image, (0xcf, 0x22, 0x2e)), "no red (destructive / high-risk badge) pixel in the screenshot");
        Assert.True(HasColour(image, (0x1a, 0x7f, 0x37)), "no green (read badge) pixel in the screenshot");

        var dom = await Chromium.RunAsync(browser, _folder, BrowserTimeout, "--dump-dom", url);
        Assert.Equal(0, dom.ExitCode);
        var rows = Regex.Matches(dom.Output, "<tr class=\"tool(?: [^\"]*)?\" data-tool=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["issues_delete", "issues_search", "projects_purge", "issues_create"], rows);
        Assert.Contains("<span class=\"badge access-destructive\">destructive</span>", dom.Output);
        Assert.Contains("&lt;script&gt;alert('pwned')&lt;/script&gt;", dom.Output); // text in the DOM, not an element
        Assert.DoesNotContain("<script>", dom.Output);
    }

    private static bool HasColour(PngImage image, (int R, int G, int B) target)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (Math.Abs(r - target.R) <= 6 && Math.Abs(g - target.G) <= 6 && Math.Abs(b - target.B) <= 6)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>Finds and runs a headless Chromium: MCP_PLATFORM_CHROMIUM, or chromium / google-chrome on PATH.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("MCP_PLATFORM_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            Assert.True(File.Exists(configured), $"MCP_PLATFORM_CHROMIUM names '{configured}', which does not exist.");
            return configured;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = Names.SelectMany(name => path.Select(dir => Path.Combine(dir, name))).FirstOrDefault(File.Exists);
        Assert.True(found is not null,
            "No Chromium found (looked for MCP_PLATFORM_CHROMIUM, then " + string.Join(", ", Names) + " on PATH). "
            + "Install Debian's package: apt-get install -y chromium.");
        return found!;
    }

    public static Task<CommandResult> RunAsync(string browser, TemporaryFolder folder, TimeSpan timeout, params string[] arguments) =>
        ChildProcess.RunAsync(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={folder.Combine("chromium-profile-" + Guid.NewGuid().ToString("N"))}",
                .. arguments,
            ],
            folder.Path,
            environment: null,
            timeout);
}

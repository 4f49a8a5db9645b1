using System.Text;
using System.Text.Json;
using McpPlatform.Cli.Commands;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Secrets.LocalStore;

namespace McpPlatform.Cli.Tests.Secrets;

public sealed class SecretsCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Store => _folder.Combine("store");

    public void Dispose() => _folder.Dispose();

    private static string NewValue() => $"s3cr3t-{Guid.NewGuid():N}";

    /// <summary>Runs the CLI with <paramref name="stdin"/> as its standard input.</summary>
    private static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        using var input = SecretsCommand.SecretInput.Redirect(new StringReader(stdin));
        return await CliRun.RunAsync(args);
    }

    private Task<CliRun> SetAsync(string name, string value) => RunAsync(value + "\n", "secrets", "set", name, "--store", Store);

    private async Task<SecretValue?> GetAsync(string name) =>
        await LocalSecretStore.Open(Store).GetSecretAsync(name, CancellationToken.None);

    [Fact]
    public async Task Set_stores_the_piped_value_with_a_new_version_each_time()
    {
        var first = NewValue();
        (await SetAsync("jira-token", first)).EnsureSuccess();
        var stored = await GetAsync("jira-token");
        Assert.Equal(first, stored?.Value);
        Assert.False(string.IsNullOrEmpty(stored?.Version));

        var second = NewValue();
        (await SetAsync("jira-token", second)).EnsureSuccess();
        var updated = await GetAsync("jira-token");
        Assert.Equal(second, updated?.Value);
        Assert.NotEqual(stored!.Version, updated!.Version);
    }

    [Fact]
    public async Task Exactly_one_trailing_newline_is_removed_from_piped_input()
    {
        (await RunAsync("line1\nline2\n\n", "secrets", "set", "multi", "--store", Store)).EnsureSuccess();
        (await RunAsync("windows\r\n", "secrets", "set", "crlf", "--store", Store)).EnsureSuccess();
        (await RunAsync("bare", "secrets", "set", "bare", "--store", Store)).EnsureSuccess();

        Assert.Equal("line1\nline2\n", (await GetAsync("multi"))?.Value);
        Assert.Equal("windows", (await GetAsync("crlf"))?.Value);
        Assert.Equal("bare", (await GetAsync("bare"))?.Value);
    }

    [Fact]
    public async Task Empty_stdin_stores_nothing_and_exits_2()
    {
        var run = await RunAsync("\n", "secrets", "set", "empty", "--store", Store);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no value", run.Stderr);
        Assert.Null(await GetAsync("empty"));
    }

    [Fact]
    public async Task List_shows_names_versions_and_update_times_never_values()
    {
        var jira = NewValue();
        var github = NewValue();
        (await SetAsync("jira-token", jira)).EnsureSuccess();
        (await SetAsync("github-token", github)).EnsureSuccess();
        var jiraVersion = (await GetAsync("jira-token"))!.Version!;

        var table = (await RunAsync(string.Empty, "secrets", "list", "--store", Store)).EnsureSuccess();
        var lines = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.StartsWith("github-token", lines[1]);
        Assert.StartsWith("jira-token", lines[2]);
        Assert.Contains(jiraVersion, lines[2]);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lines[2]);

        var json = (await RunAsync(string.Empty, "secrets", "--store", Store, "list", "--json")).EnsureSuccess();
        using var document = JsonDocument.Parse(json.Stdout);
        var entries = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["github-token", "jira-token"], entries.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(jiraVersion, entries[1].GetProperty("version").GetString());
        Assert.True(DateTimeOffset.TryParse(entries[1].GetProperty("updated").GetString(), out _));
        Assert.Equal(["name", "version", "updated"], entries[1].EnumerateObject().Select(p => p.Name));

        foreach (var output in new[] { table, json })
        {
            Assert.DoesNotContain(jira, output.Stdout + output.Stderr);
            Assert.DoesNotContain(github, output.Stdout + output.Stderr);
        }
    }

    [Fact]
    public async Task List_of_a_store_that_does_not_exist_is_empty_and_creates_nothing()
    {
        var run = (await RunAsync(string.Empty, "secrets", "list", "--store", Store, "--json")).EnsureSuccess();

        Assert.Equal("[]", run.Stdout.Trim());
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task Remove_deletes_the_secret_and_exits_1_when_it_did_not_exist()
    {
        (await SetAsync("jira-token", NewValue())).EnsureSuccess();
        (await SetAsync("keep-me", NewValue())).EnsureSuccess();

        (await RunAsync(string.Empty, "secrets", "remove", "jira-token", "--store", Store)).EnsureSuccess();
        Assert.Null(await GetAsync("jira-token"));
        Assert.NotNull(await GetAsync("keep-me"));

        var again = await RunAsync(string.Empty, "secrets", "remove", "jira-token", "--store", Store);
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("no secret 'jira-token'", again.Stderr);
    }

    [Theory]
    [InlineData("has_underscore")]
    [InlineData("-leading-dash")]
    [InlineData("dot.ted")]
    [InlineData("space d")]
    [InlineData("ünïcode")]
    public async Task Invalid_name_exits_2_and_stores_nothing(string name)
    {
        var set = await RunAsync(NewValue(), "secrets", "set", name, "--store", Store);
        var remove = await RunAsync(string.Empty, "secrets", "remove", name, "--store", Store);

        Assert.Equal(ExitCodes.Usage, set.ExitCode);
        Assert.Equal(ExitCodes.Usage, remove.ExitCode);
        Assert.Contains("not a valid secret name", set.Stderr);
        Assert.False(File.Exists(Path.Combine(Store, LocalSecretStore.FileName)));
    }

    [Fact]
    public async Task Names_longer_than_127_characters_are_refused()
    {
        (await SetAsync(new string('a', 127), NewValue())).EnsureSuccess();

        var run = await SetAsync(new string('a', 128), NewValue());
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        await Assert.ThrowsAsync<ArgumentException>(() => LocalSecretStore.Open(Store).SetAsync(new string('b', 128), "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalSecretStore.Open(Store).SetAsync("trailing-newline\n", "x"));
    }

    [Fact]
    public async Task A_value_given_as_an_argument_is_refused_and_not_echoed()
    {
        var value = NewValue();
        var run = await RunAsync(string.Empty, "secrets", "set", "jira-token", value, "--store", Store);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("stdin", run.Stderr);
        Assert.DoesNotContain(value, run.Stdout + run.Stderr);
        Assert.Null(await GetAsync("jira-token"));
    }

    [Fact]
    public async Task No_command_prints_the_value()
    {
        var value = NewValue();
        var runs = new List<CliRun>
        {
            (await SetAsync("jira-token", value)).EnsureSuccess(),
            (await SetAsync("jira-token", value)).EnsureSuccess(),
            (await RunAsync(string.Empty, "secrets", "list", "--store", Store)).EnsureSuccess(),
            (await RunAsync(string.Empty, "secrets", "list", "--json", "--store", Store)).EnsureSuccess(),
            await RunAsync(value, "secrets", "set", "bad_name", "--store", Store),
            (await RunAsync(string.Empty, "secrets", "remove", "jira-token", "--store", Store)).EnsureSuccess(),
            await RunAsync(string.Empty, "secrets", "--help"),
            await RunAsync(string.Empty, "secrets", "set", "--help"),
        };

        foreach (var run in runs)
        {
            Assert.DoesNotContain(value, run.Stdout + run.Stderr);
        }
    }

    [Fact]
    public async Task Values_are_encrypted_at_rest_in_every_file_of_the_store()
    {
        var value = NewValue();
        (await SetAsync("jira-token", value)).EnsureSuccess();
        Assert.Equal(value, (await GetAsync("jira-token"))?.Value);

        var forbidden = new[]
        {
            Encoding.UTF8.GetBytes(value),
            Encoding.Unicode.GetBytes(value),
            Encoding.BigEndianUnicode.GetBytes(value),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.Unicode.GetBytes(value))),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_')),
        };

        var files = Directory.GetFiles(Store, "*", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine(Store, LocalSecretStore.FileName), files);
        Assert.Contains(files, f => f.StartsWith(Path.Combine(Store, LocalSecretStore.KeysFolderName), StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var pattern in forbidden)
            {
                Assert.True(bytes.AsSpan().IndexOf(pattern) < 0, $"{file} holds the plain value.");
            }
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Store, LocalSecretStore.FileName)));
        var entry = document.RootElement.GetProperty("secrets").GetProperty("jira-token");
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("protected").GetString()));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("updated").GetString()));
    }

    [Fact]
    public async Task Store_folder_and_files_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        (await SetAsync("jira-token", NewValue())).EnsureSuccess();

        const UnixFileMode ownerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(Store));
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(Path.Combine(Store, LocalSecretStore.KeysFolderName)));
        foreach (var file in Directory.GetFiles(Store, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_second_store_on_the_same_folder_reads_the_value_with_the_persisted_keys()
    {
        var value = NewValue();
        var writer = LocalSecretStore.Open(Store);
        var version = await writer.SetAsync("jira-token", value);

        var reader = new LocalSecretStore(Store);
        var read = await reader.GetSecretAsync("jira-token", CancellationToken.None);

        Assert.Equal(new SecretValue(value, version), read);
        Assert.Equal("local-store", reader.Name);
        Assert.Null(await reader.GetSecretAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_on_a_new_folder_lose_no_secret_and_read_each_other()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => LocalSecretStore.Open(Store)).ToArray();
        await Task.WhenAll(stores.Select((store, i) => Task.Run(() => store.SetAsync($"secret-{i}", $"value-{i}"))));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"secret-{i}"), stores[0].List().Select(s => s.Name));
        for (var i = 0; i < stores.Length; i++)
        {
            var other = (i + 1) % stores.Length;
            Assert.Equal($"value-{other}", (await stores[i].GetSecretAsync($"secret-{other}", CancellationToken.None))?.Value);
        }
    }

    [Fact]
    public async Task A_corrupt_store_file_fails_with_an_error_naming_the_file()
    {
        var value = NewValue();
        (await SetAsync("jira-token", value)).EnsureSuccess();
        var file = Path.Combine(Store, LocalSecretStore.FileName);
        File.WriteAllText(file, "{ \"secrets\": { \"jira-token\": ");

        var list = await RunAsync(string.Empty, "secrets", "list", "--store", Store);
        Assert.Equal(ExitCodes.Failure, list.ExitCode);
        Assert.Contains(file, list.Stderr);
        Assert.Contains("corrupt", list.Stderr);

        var set = await SetAsync("other", NewValue());
        Assert.Equal(ExitCodes.Failure, set.ExitCode);
        Assert.Contains("corrupt", set.Stderr);

        var error = await Assert.ThrowsAsync<SecretProviderException>(() => GetAsync("jira-token"));
        Assert.Contains(file, error.Message);
        Assert.Contains("delete it and set the secrets again", error.Message);
    }

    [Fact]
    public async Task A_value_whose_keys_were_deleted_fails_with_an_error_saying_what_to_do()
    {
        var value = NewValue();
        (await SetAsync("jira-token", value)).EnsureSuccess();
        Directory.Delete(Path.Combine(Store, LocalSecretStore.KeysFolderName), recursive: true);

        var error = await Assert.ThrowsAsync<SecretProviderException>(() => GetAsync("jira-token"));
        Assert.Contains(Path.Combine(Store, LocalSecretStore.FileName), error.Message);
        Assert.Contains("cannot be decrypted", error.Message);
        Assert.Contains("secrets set jira-token", error.Message);
        Assert.DoesNotContain(value, error.ToString());
    }

    [Fact]
    public async Task A_tampered_protected_value_fails_without_revealing_anything()
    {
        (await SetAsync("jira-token", NewValue())).EnsureSuccess();
        var file = Path.Combine(Store, LocalSecretStore.FileName);
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        var entry = document["secrets"]!["jira-token"]!;
        var bytes = Convert.FromBase64String(entry["protected"]!.GetValue<string>());
        bytes[^1] ^= 0xFF;
        entry["protected"] = Convert.ToBase64String(bytes);
        File.WriteAllText(file, document.ToJsonString());

        var error = await Assert.ThrowsAsync<SecretProviderException>(() => GetAsync("jira-token"));
        Assert.Contains("cannot be decrypted", error.Message);
    }

    [Fact]
    public void The_default_folder_is_per_user_and_follows_the_environment_variable()
    {
        var previous = Environment.GetEnvironmentVariable(LocalSecretStore.DirectoryEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(LocalSecretStore.DirectoryEnvironmentVariable, null);
            var appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            Assert.Equal(Path.Combine(appData, "mcp-platform", "secrets"), LocalSecretStore.Open().Directory);

            Environment.SetEnvironmentVariable(LocalSecretStore.DirectoryEnvironmentVariable, Store);
            Assert.Equal(Store, LocalSecretStore.Open().Directory);
            Assert.Equal(_folder.Combine("elsewhere"), LocalSecretStore.Open(_folder.Combine("elsewhere")).Directory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LocalSecretStore.DirectoryEnvironmentVariable, previous);
        }
    }
}

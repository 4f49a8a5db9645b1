using System.Text;
using System.Text.Json;
using McpPlatform.Cli.Audit;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace McpPlatform.Cli.Tests.Audit;

/// <summary>
/// Records written the way a server writes them: the chain fields filled and hashed with
/// <see cref="AuditChain"/>, then emitted as event properties through a real Serilog logger with
/// <see cref="CompactJsonFormatter"/> to a real file, then verified by the CLI.
/// </summary>
public sealed class SerilogAuditFileTests : IDisposable
{
    /// <summary>Escapes, non-ASCII, HTML-sensitive and control characters, a line separator and an emoji.</summary>
    private const string AwkwardArguments = "{\"query\":\"naïve <b>&amp;</b> \\\"quoted\\\" back\\\\slash +1 'single' `tick`\",\"note\":\"tab\\there\\u0001 \u2028 😀 日本\"}";

    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("MCP {Method} {Tool} {Decision} {Outcome}");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task File_written_through_serilog_compact_json_verifies()
    {
        var file = _folder.Combine("audit-20261125.clef");
        var written = WriteThroughSerilog(file, new AuditChainWriter(), 6);

        var run = (await AuditCli.VerifyAsync(file)).EnsureSuccess();

        Assert.StartsWith("OK: 1 file, 6 records, 1 chain", run.Stdout);
        Assert.Equal(6, written.Count);
    }

    [Fact]
    public void Compact_json_renders_strings_and_longs_as_compute_hash_reads_them()
    {
        var file = _folder.Combine("audit.clef");
        var written = WriteThroughSerilog(file, new AuditChainWriter(), 6);

        var lines = File.ReadAllLines(file);
        Assert.Equal(written.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            var root = document.RootElement;
            Assert.True(root.TryGetProperty("@t", out _));
            Assert.True(root.TryGetProperty("@mt", out _));
            foreach (var name in AuditFields.Hashed)
            {
                var expected = written[i].GetValueOrDefault(name);
                var hasProperty = root.TryGetProperty(name, out var actual);
                switch (expected)
                {
                    case null:
                        Assert.True(!hasProperty || actual.ValueKind == JsonValueKind.Null, $"{name} on line {i + 1}");
                        break;
                    case long number:
                        Assert.Equal(JsonValueKind.Number, actual.ValueKind);
                        Assert.Equal(number, actual.GetInt64());
                        break;
                    case string text:
                        Assert.Equal(JsonValueKind.String, actual.ValueKind);
                        Assert.Equal(text.Contains('\uD800') ? text.Replace('\uD800', '\uFFFD') : text, actual.GetString());
                        break;
                }
            }

            Assert.Equal(written[i][AuditFields.Hash], AuditChain.ComputeHash(root, AuditTestKey.Key));
            Assert.Equal(written[i][AuditFields.Hash], root.GetProperty(AuditFields.Hash).GetString());
        }
    }

    [Fact]
    public async Task One_byte_changed_in_a_field_value_of_the_real_file_is_reported_as_edited()
    {
        var file = _folder.Combine("audit.clef");
        var chain = new AuditChainWriter();
        WriteThroughSerilog(file, chain, 6);
        var bytes = File.ReadAllBytes(file);
        var subject = Encoding.UTF8.GetBytes("\"user-4\"");
        var at = bytes.AsSpan().IndexOf(subject);
        Assert.True(at > 0);
        bytes[at + subject.Length - 2] = (byte)'5'; // Subject "user-4" -> "user-5" on line 4
        File.WriteAllBytes(file, bytes);

        var run = await AuditCli.VerifyAsync("--json", file);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var problem = document.RootElement.GetProperty("firstProblem");
        Assert.Equal(AuditProblemKinds.Edited, problem.GetProperty("kind").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt64());
        Assert.Equal(4, problem.GetProperty("seq").GetInt64());
        Assert.Equal(chain.ChainId, problem.GetProperty("chainId").GetString());
    }

    /// <summary>
    /// Writes <paramref name="count"/> records: odd ones as a <see cref="LogEvent"/> built from the fields,
    /// even ones through <c>ForContext</c> and a message template, as a server might.
    /// </summary>
    private static List<Dictionary<string, object?>> WriteThroughSerilog(string file, AuditChainWriter chain, int count)
    {
        var written = new List<Dictionary<string, object?>>();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.File(new CompactJsonFormatter(), file).CreateLogger())
        {
            for (var i = 1; i <= count; i++)
            {
                var fields = chain.Next(f =>
                {
                    f[AuditFields.Arguments] = AwkwardArguments;
                    f[AuditFields.ResultBytes] = i == 2 ? long.MaxValue : (long)f[AuditFields.ResultBytes]!;
                    f[AuditFields.DurationMs] = i == 3 ? 0L : 42L;
                    f[AuditFields.Error] = i == 5 ? "lone surrogate \uD800 in a tool's error" : null;
                    f[AuditFields.ParentId] = i == 6 ? "1" : null;
                });
                written.Add(fields);
                if (i % 2 == 1)
                {
                    var properties = fields.Select(f => new LogEventProperty(f.Key, new ScalarValue(f.Value)));
                    logger.Write(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, Template, properties));
                }
                else
                {
                    ILogger withFields = logger;
                    foreach (var (name, value) in fields)
                    {
                        withFields = withFields.ForContext(name, value);
                    }

                    withFields.Information("MCP {Method} {Tool} {Decision} {Outcome}", fields[AuditFields.Method], fields[AuditFields.Tool], fields[AuditFields.Decision], fields[AuditFields.Outcome]);
                }
            }
        }

        return written;
    }
}

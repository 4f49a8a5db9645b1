using System.Text.Json;
using System.Text.Json.Serialization;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.CodeMode;
using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Code Mode journals waiting for a 2026-07-28 approval answer, in Redis, so the retry may reach any replica. One string
/// per journal (JSON, at most <see cref="ExecutionJournal.MaxBytes"/> of results: the runner refuses bigger ones before
/// saving) expiring at the question's deadline plus <see cref="Grace"/>, and one sorted set of ids by deadline that caps
/// how many wait at once (<see cref="InProcessExecutionJournals.MaxJournals"/>, as in one process). A journal is taken
/// once (read and deleted in one script). Redis unreachable: <see cref="SharedStateUnavailableException"/>, which the
/// runner turns into a refusal (fail closed: nothing more runs).
/// </summary>
internal sealed class RedisExecutionJournals(RedisConnection connection, TimeProvider time) : IExecutionJournals
{
    /// <summary>Kept past the deadline for replicas whose clocks run behind (each checks the deadline itself before taking).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    // KEYS[1] the journal, KEYS[2] the index; ARGV: journal JSON, expiry (unix ms), most waiting, id.
    private const string Save = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
          return 0
        end
        if not redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2], 'NX') then
          return 0
        end
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) - now then
          redis.call('PEXPIREAT', KEYS[2], ARGV[2])
        end
        return 1
        """;

    // KEYS[1] the journal, KEYS[2] the index; ARGV[1] the id. Read and delete at once: a second retry finds nothing.
    private const string Take = """
        local journal = redis.call('GET', KEYS[1])
        if journal then
          redis.call('DEL', KEYS[1])
          redis.call('ZREM', KEYS[2], ARGV[1])
        end
        return journal
        """;

    private string Index => connection.Prefix + "journal-index";

    public async ValueTask<bool> SaveAsync(string id, ExecutionJournal journal, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(journal, RedisJournalJson.Default.ExecutionJournal);
        var expiry = Math.Max(deadline.Add(Grace).ToUnixTimeMilliseconds(), time.GetUtcNow().AddSeconds(1).ToUnixTimeMilliseconds());
        var saved = await RunAsync(Save, [Key(id), Index], [json, expiry, InProcessExecutionJournals.MaxJournals, id]).ConfigureAwait(false);
        return (int)saved == 1;
    }

    public async ValueTask<ExecutionJournal?> TakeAsync(string id, CancellationToken cancellationToken)
    {
        var taken = await RunAsync(Take, [Key(id), Index], [id]).ConfigureAwait(false);
        return taken.IsNull ? null : JsonSerializer.Deserialize((byte[])taken!, RedisJournalJson.Default.ExecutionJournal);
    }

    private string Key(string id) => connection.Prefix + "journal:" + id;

    private async Task<RedisResult> RunAsync(string script, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await connection.Database.ScriptEvaluateAsync(script, keys, arguments).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException($"Redis did not answer: {failure.GetType().Name}", failure);
        }
    }
}

[JsonSerializable(typeof(ExecutionJournal))]
internal sealed partial class RedisJournalJson : JsonSerializerContext;

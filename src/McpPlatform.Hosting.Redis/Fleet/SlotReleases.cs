using StackExchange.Redis;

namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// Concurrency slots given back, not yet removed in Redis. They travel with the next admission for the same slot set
/// (in its script, so a call's release costs no command of its own) or, when none comes, are removed by a flush at most
/// <see cref="FlushInterval"/> later. Until then another replica counts such a slot as held a little longer (never
/// shorter), so the cap can only refuse early, never admit more. A release that cannot reach Redis at all still ends
/// when its slot expires (<c>SlotLifetime</c>).
/// </summary>
internal sealed class SlotReleases : IDisposable
{
    /// <summary>The longest a released slot waits for an admission to carry it.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private const int MostPerAdmission = 64;

    private readonly RedisConnection _connection;
    private readonly Timer _flush;
    private Dictionary<string, List<RedisValue>> _pending = new(StringComparer.Ordinal);

    public SlotReleases(RedisConnection connection)
    {
        _connection = connection;
        _flush = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    /// <summary>Gives slot <paramref name="member"/> of <paramref name="key"/> back.</summary>
    public void Release(string key, string member)
    {
        lock (_flush)
        {
            if (!_pending.TryGetValue(key, out var members))
            {
                _pending[key] = members = [];
            }

            members.Add(member);
        }
    }

    /// <summary>Up to 64 released slots of <paramref name="key"/>, now the caller's to send (or to <see cref="Return"/>).</summary>
    public List<RedisValue>? Take(string key)
    {
        lock (_flush)
        {
            if (!_pending.TryGetValue(key, out var members))
            {
                return null;
            }

            if (members.Count <= MostPerAdmission)
            {
                _pending.Remove(key);
                return members;
            }

            var taken = members.GetRange(members.Count - MostPerAdmission, MostPerAdmission);
            members.RemoveRange(members.Count - MostPerAdmission, MostPerAdmission);
            return taken;
        }
    }

    /// <summary>Puts back releases whose admission did not reach Redis.</summary>
    public void Return(string key, List<RedisValue> members)
    {
        lock (_flush)
        {
            if (_pending.TryGetValue(key, out var waiting))
            {
                waiting.AddRange(members);
            }
            else
            {
                _pending[key] = members;
            }
        }
    }

    public void Dispose()
    {
        _flush.Dispose();
        Flush();
    }

    private void Flush()
    {
        Dictionary<string, List<RedisValue>> pending;
        lock (_flush)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            pending = _pending;
            _pending = new(StringComparer.Ordinal);
        }

        foreach (var (key, members) in pending)
        {
            try
            {
                _connection.Database.SortedSetRemove(key, [.. members], CommandFlags.FireAndForget);
            }
            catch (Exception failure) when (failure is RedisException or TimeoutException)
            {
                // Redis is unreachable: these slots end when they expire.
            }
        }
    }
}

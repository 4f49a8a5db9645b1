namespace McpPlatform.Portal.Fleet;

/// <summary>
/// The one Lua script a portal replica runs to share its quarantine holds and approved manifest (one round trip, atomic,
/// on Redis's clock). KEYS: holds (sorted set, member <c>replica\ntool</c> scored by expiry), reasons (hash, same members),
/// manifests (sorted set, member <c>replica\napprovedAtMs\thash</c> scored by expiry). ARGV: lifetime ms, this replica, its
/// manifest entry, then pairs of tool and reason it holds now.
/// Drops every expired entry (a replica that died stops renewing), replaces this replica's holds and manifest entry with
/// the current ones, and returns { hold members, their reasons, manifest members }.
/// </summary>
internal static class PortalFleetScript
{
    public const string Sync = """
        local lifetime = tonumber(ARGV[1])
        local prefix = ARGV[2] .. '\n'
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
          redis.call('HDEL', KEYS[2], member)
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
          if string.sub(member, 1, #prefix) == prefix then
            redis.call('ZREM', KEYS[1], member)
            redis.call('HDEL', KEYS[2], member)
          end
        end
        for i = 4, #ARGV, 2 do
          local member = prefix .. ARGV[i]
          redis.call('ZADD', KEYS[1], now + lifetime, member)
          redis.call('HSET', KEYS[2], member, ARGV[i + 1])
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
        for _, member in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
          if string.sub(member, 1, #prefix) == prefix and member ~= prefix .. ARGV[3] then
            redis.call('ZREM', KEYS[3], member)
          end
        end
        redis.call('ZADD', KEYS[3], now + lifetime, prefix .. ARGV[3])
        local holds = redis.call('ZRANGE', KEYS[1], 0, -1)
        local reasons = {}
        if #holds > 0 then
          reasons = redis.call('HMGET', KEYS[2], unpack(holds))
        end
        return { holds, reasons, redis.call('ZRANGE', KEYS[3], 0, -1) }
        """;
}

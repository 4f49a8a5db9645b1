namespace McpPlatform.Hosting.Fleet;

/// <summary>
/// The Lua scripts that make each limit step atomic in Redis (one round trip, no race between replicas).
/// Time is Redis's own (<c>TIME</c>), so replicas with drifting clocks still share one bucket.
/// </summary>
internal static class RedisLimitScripts
{
    /// <summary>
    /// The refill step both token scripts share: reads the bucket <c>KEYS[1]</c> (created full) and leaves
    /// <c>limit</c>, <c>per</c>, <c>period</c>, <c>now</c> (µs), <c>tokens</c> and <c>since</c> as locals.
    /// Raw literals drop their last line break, hence the "\n" where it is joined.
    /// </summary>
    private const string RefillBucket = """
        local limit = tonumber(ARGV[1])
        local per = tonumber(ARGV[2])
        local period = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local state = redis.call('HMGET', KEYS[1], 't', 's')
        local tokens = tonumber(state[1])
        local since = tonumber(state[2])
        if tokens == nil or since == nil then
          tokens = limit
          since = now
        end
        local periods = math.floor((now - since) / period)
        if periods > 0 then
          tokens = math.min(limit, tokens + periods * per)
          since = since + periods * period
        end
        """;

    /// <summary>
    /// A token bucket like System.Threading.RateLimiting's: created full, <c>ARGV[2]</c> tokens added every whole
    /// period (<c>ARGV[3]</c> µs) up to <c>ARGV[1]</c>. Takes up to <c>ARGV[4]</c> tokens at once (a lease; 1 for a single
    /// call), never more than a sixteenth of what is left (at least one), so the tokens replicas hold unspent shrink as
    /// the bucket runs low. Returns {tokens taken, µs until the next refill when none}. The key expires once it would have
    /// refilled completely, so idle callers cost nothing.
    /// </summary>
    public const string TakeTokens = RefillBucket + "\n" + """
        local granted = 0
        local wait = 0
        if tokens >= 1 then
          granted = math.max(1, math.min(tonumber(ARGV[4]), math.floor(tokens / 16)))
          tokens = tokens - granted
        else
          wait = since + period - now
        end
        redis.call('HSET', KEYS[1], 't', tokens, 's', since)
        redis.call('PEXPIRE', KEYS[1], math.ceil((math.ceil(limit / per) * period) / 1000) + 1000)
        return {granted, wait}
        """;

    /// <summary>
    /// A sliding window of <c>ARGV[1]</c> permits per <c>ARGV[2]</c> ms, counted as two fixed windows (this one and the one
    /// before, weighted by how much of it still overlaps the sliding window: the usual O(1) approximation, exact while the
    /// previous window is empty). Returns {1, 0} when a permit was taken, else {0, ms until one may be}.
    /// </summary>
    public const string TakeWindowPermit = """
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local current = math.floor(now / window)
        local state = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
        local w = tonumber(state[1])
        local count = tonumber(state[2]) or 0
        local previous = tonumber(state[3]) or 0
        if w == nil or w < current then
          if w == current - 1 then previous = count else previous = 0 end
          count = 0
        end
        local into = (now - current * window) / window
        local used = previous * (1 - into) + count
        if used + 1 > limit then
          local wait = window - (now - current * window)
          if count < limit and previous > 0 then
            wait = math.max(1, math.ceil((1 - (limit - 1 - count) / previous - into) * window))
          end
          redis.call('HSET', KEYS[1], 'w', current, 'c', count, 'p', previous)
          redis.call('PEXPIRE', KEYS[1], window * 2)
          return {0, wait}
        end
        redis.call('HSET', KEYS[1], 'w', current, 'c', count + 1, 'p', previous)
        redis.call('PEXPIRE', KEYS[1], window * 2)
        return {1, 0}
        """;

    /// <summary>
    /// A slot among <c>ARGV[1]</c> in a sorted set scored by expiry: expired slots (their replica died) are dropped
    /// first; then member <c>ARGV[2]</c> is added until <c>ARGV[3]</c> ms from now, or 0 is returned when all are taken.
    /// <c>ARGV[4..]</c>: slots this replica gave back since (<see cref="SlotReleases"/>), removed first.
    /// </summary>
    public const string EnterSlot = """
        for i = 4, #ARGV do
          redis.call('ZREM', KEYS[1], ARGV[i])
        end
        local limit = tonumber(ARGV[1])
        local lifetime = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) >= limit then
          return 0
        end
        redis.call('ZADD', KEYS[1], now + lifetime, ARGV[2])
        redis.call('PEXPIRE', KEYS[1], lifetime)
        return 1
        """;

    /// <summary>
    /// One tools/call admission in one round trip: a token from the bucket <c>KEYS[1]</c> (as <see cref="TakeTokens"/> with one,
    /// <c>ARGV[1..3]</c>), then, only when one was taken, a slot among <c>ARGV[4]</c> in <c>KEYS[2]</c> for member
    /// <c>ARGV[5]</c> until <c>ARGV[6]</c> ms from now (as <see cref="EnterSlot"/>). Returns {token taken, µs until the next
    /// refill, slot taken}. A token taken while every slot is held stays spent, as with the in-process limiters.
    /// <c>ARGV[7..]</c>: slots of <c>KEYS[2]</c> this replica gave back since (<see cref="SlotReleases"/>), removed first.
    /// </summary>
    public const string AdmitCall = RefillBucket + "\n" + """
        for i = 7, #ARGV do
          redis.call('ZREM', KEYS[2], ARGV[i])
        end
        if tokens < 1 then
          redis.call('HSET', KEYS[1], 't', tokens, 's', since)
          redis.call('PEXPIRE', KEYS[1], math.ceil((math.ceil(limit / per) * period) / 1000) + 1000)
          return {0, since + period - now, 0}
        end
        redis.call('HSET', KEYS[1], 't', tokens - 1, 's', since)
        redis.call('PEXPIRE', KEYS[1], math.ceil((math.ceil(limit / per) * period) / 1000) + 1000)
        local slots = tonumber(ARGV[4])
        local lifetime = tonumber(ARGV[6])
        local nowMs = math.floor(now / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', nowMs)
        if redis.call('ZCARD', KEYS[2]) >= slots then
          return {1, 0, 0}
        end
        redis.call('ZADD', KEYS[2], nowMs + lifetime, ARGV[5])
        redis.call('PEXPIRE', KEYS[2], lifetime)
        return {1, 0, 1}
        """;
}

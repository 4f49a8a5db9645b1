using System.Diagnostics;

namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// Concurrency slots this replica took from the shared store and keeps for its next calls once a call ends, so a caller's
/// steady stream of calls costs no store round trip for its slot. A kept slot is still held in the store, so the fleet never
/// admits more than the limit; what keeping costs is a slot held here unused, which another replica counts as taken. Bounds:
/// a kept slot that no call reuses within <see cref="IdleRelease"/> is given back (the store then removes it within its own
/// release delay), and a slot is reused only while younger than <see cref="ISharedLimitStore.SlotReuse"/> (so a call that
/// starts on it still has its store lifetime minus that window). Kept slots are used only while the store is connected
/// (<see cref="ISharedLimitStore.IsConnected"/>), so an outage applies at once, as without them.
/// </summary>
internal sealed class LeasedSlots : IDisposable
{
    /// <summary>How long a kept slot waits for a call of the same caller before it is given back.</summary>
    public static readonly TimeSpan IdleRelease = TimeSpan.FromMilliseconds(50);

    private static readonly long IdleTicks = (long)(IdleRelease.TotalSeconds * Stopwatch.Frequency);

    private readonly ISharedLimitStore _store;
    private readonly long _reuseTicks;
    private readonly Dictionary<string, Stack<Kept>> _kept = new(StringComparer.Ordinal);
    private readonly Timer? _sweep;
    private bool _disposed;

    public LeasedSlots(ISharedLimitStore store)
    {
        _store = store;
        _reuseTicks = (long)(store.SlotReuse.TotalSeconds * Stopwatch.Frequency);
        if (_reuseTicks > 0)
        {
            _sweep = new Timer(_ => Sweep(), null, IdleRelease, IdleRelease);
        }
    }

    /// <summary>A slot of <paramref name="key"/> among <paramref name="limit"/>: one kept here when there is one, else from the store; null when all are taken.</summary>
    public ValueTask<IDisposable?> TryEnterAsync(string key, int limit, CancellationToken cancellationToken)
    {
        if (_reuseTicks == 0)
        {
            return _store.TryEnterAsync(key, limit, cancellationToken);
        }

        if (_store.IsConnected && TryTakeKept(key) is { } kept)
        {
            return new(new Lent(this, key, kept.Slot, kept.Taken));
        }

        return EnterAsync(key, limit, cancellationToken);
    }

    public void Dispose()
    {
        _sweep?.Dispose();
        List<IDisposable> all;
        lock (_kept)
        {
            _disposed = true;
            all = [.. _kept.Values.SelectMany(stack => stack).Select(kept => kept.Slot)];
            _kept.Clear();
        }

        all.ForEach(slot => slot.Dispose());
    }

    private async ValueTask<IDisposable?> EnterAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var slot = await _store.TryEnterAsync(key, limit, cancellationToken).ConfigureAwait(false);
        return slot is null ? null : new Lent(this, key, slot, Stopwatch.GetTimestamp());
    }

    private Kept? TryTakeKept(string key)
    {
        var now = Stopwatch.GetTimestamp();
        List<IDisposable>? aged = null;
        Kept? found = null;
        lock (_kept)
        {
            if (!_kept.TryGetValue(key, out var stack))
            {
                return null;
            }

            // The newest first (a stack): slots the caller no longer needs sink to the bottom and go back when idle.
            while (stack.TryPop(out var kept))
            {
                if (now - kept.Taken < _reuseTicks)
                {
                    found = kept;
                    break;
                }

                (aged ??= []).Add(kept.Slot);
            }

            if (stack.Count == 0)
            {
                _kept.Remove(key);
            }
        }

        aged?.ForEach(slot => slot.Dispose());
        return found;
    }

    // A call ended: its slot stays here for the next call when young enough and the store is reachable, else goes back.
    private void Return(string key, IDisposable slot, long taken)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - taken < _reuseTicks && _store.IsConnected)
        {
            lock (_kept)
            {
                if (!_disposed)
                {
                    if (!_kept.TryGetValue(key, out var stack))
                    {
                        _kept[key] = stack = new Stack<Kept>();
                    }

                    stack.Push(new Kept(slot, taken, now));
                    return;
                }
            }
        }

        slot.Dispose();
    }

    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        List<IDisposable>? idle = null;
        lock (_kept)
        {
            List<string>? empty = null;
            foreach (var (key, stack) in _kept)
            {
                if (stack.All(kept => now - kept.Freed < IdleTicks && now - kept.Taken < _reuseTicks))
                {
                    continue;
                }

                var keep = stack.Where(kept => now - kept.Freed < IdleTicks && now - kept.Taken < _reuseTicks).Reverse().ToArray();
                (idle ??= []).AddRange(stack.Except(keep).Select(kept => kept.Slot));
                stack.Clear();
                foreach (var kept in keep)
                {
                    stack.Push(kept);
                }

                if (stack.Count == 0)
                {
                    (empty ??= []).Add(key);
                }
            }

            empty?.ForEach(key => _kept.Remove(key));
        }

        idle?.ForEach(slot => slot.Dispose());
    }

    private sealed record Kept(IDisposable Slot, long Taken, long Freed);

    // What a call holds: disposing it hands the store's slot back to the keeper, once.
    private sealed class Lent(LeasedSlots owner, string key, IDisposable slot, long taken) : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                owner.Return(key, slot, taken);
            }
        }
    }
}

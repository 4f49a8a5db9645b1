namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Stops sending calls to an upstream that keeps failing: after <c>failuresToOpen</c> consecutive failures the circuit
/// is open and calls are refused at once for <c>breakDuration</c>; then it is half-open and one call is let through as
/// a trial, closing the circuit on success and opening it again on failure.
/// </summary>
internal sealed class CircuitBreaker(int failuresToOpen, TimeSpan breakDuration, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    /// <summary>Whether calls are being refused now.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openUntil is { } until && (until > time.GetUtcNow() || _trialInFlight);
            }
        }
    }

    /// <summary>When an open circuit lets a trial call through.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_gate)
            {
                return _openUntil;
            }
        }
    }

    /// <summary>Whether a call may go ahead now; when true, exactly one of <see cref="Succeeded"/> / <see cref="Failed"/> / <see cref="Abandoned"/> must follow.</summary>
    public bool TryEnter(out bool trial)
    {
        lock (_gate)
        {
            trial = false;
            if (_openUntil is not { } until)
            {
                return true;
            }

            if (until > time.GetUtcNow() || _trialInFlight)
            {
                return false;
            }

            _trialInFlight = true;
            trial = true;
            return true;
        }
    }

    /// <summary>The call was answered: the circuit closes.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _openUntil = null;
            _trialInFlight = false;
        }
    }

    /// <summary>The call failed (timeout, transport error, malformed answer); returns true when this opened the circuit.</summary>
    public bool Failed()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            var wasTrial = _trialInFlight;
            _trialInFlight = false;
            if (wasTrial || _consecutiveFailures >= failuresToOpen)
            {
                _openUntil = time.GetUtcNow() + breakDuration;
                return true;
            }

            return false;
        }
    }

    /// <summary>The call ended without saying anything about the upstream (the caller cancelled): a trial is given back.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _trialInFlight = false;
        }
    }
}

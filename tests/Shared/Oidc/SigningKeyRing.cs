using System.Text.Json.Nodes;

namespace McpPlatform.Testing;

/// <summary>
/// The issuer's keys: one active key that signs, the set published in JWKS, and rotation between
/// them. Safe to use from the request threads that serve JWKS while a test rotates.
/// </summary>
internal sealed class SigningKeyRing : IDisposable
{
    private readonly object _gate = new();
    private readonly List<RsaSigningKey> _everCreated = [];
    private List<RsaSigningKey> _published = [];
    private RsaSigningKey _active;

    public SigningKeyRing()
    {
        _active = Track(RsaSigningKey.Create());
        _published.Add(_active);
    }

    /// <summary>The key new tokens are signed with; always published.</summary>
    public RsaSigningKey Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The key ids in the JWKS document right now, active key last.</summary>
    public IReadOnlyList<string> PublishedKeyIds
    {
        get
        {
            lock (_gate)
            {
                return _published.Select(key => key.KeyId).ToArray();
            }
        }
    }

    /// <summary>Makes a new key active; the previous keys stay published only when <paramref name="keepOld"/>.</summary>
    public RsaSigningKey Rotate(bool keepOld)
    {
        var next = RsaSigningKey.Create();
        lock (_gate)
        {
            Track(next);
            _published = keepOld ? [.. _published, next] : [next];
            _active = next;
            return next;
        }
    }

    /// <summary>The JWKS document (RFC 7517) with the published public keys.</summary>
    public string ToJwksJson()
    {
        RsaSigningKey[] published;
        lock (_gate)
        {
            published = [.. _published];
        }

        var keys = new JsonArray();
        foreach (var key in published)
        {
            keys.Add(key.ToPublicJwk());
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>Disposes every key ever created: removed keys are kept alive until then, as tokens may still use them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var key in _everCreated)
            {
                key.Dispose();
            }

            _everCreated.Clear();
        }
    }

    private RsaSigningKey Track(RsaSigningKey key)
    {
        _everCreated.Add(key);
        return key;
    }
}

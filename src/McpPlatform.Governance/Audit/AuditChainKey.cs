using System.Security.Cryptography;
using System.Text;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The secret key of the audit chain: every record's <see cref="AuditFields.Hash"/> and every checkpoint is an
/// HMAC-SHA256 under it, so rewriting the audit files and recomputing the chain takes the key, not just write
/// access to the files. The key is the UTF-8 bytes of a secret (default name <see cref="DefaultSecretName"/>)
/// in the platform's secret store; the server and <c>mcp-platform audit verify</c> read the same secret.
/// </summary>
/// <remarks>Neither <see cref="ToString"/> nor any exception from this type carries the key.</remarks>
public sealed class AuditChainKey
{
    /// <summary>The secret the key is read from unless <c>McpPlatform:Audit:KeySecretName</c> says otherwise.</summary>
    public const string DefaultSecretName = "audit-chain-key";

    /// <summary>The fewest characters a key may have (a generated key is 44: 32 random bytes in base64).</summary>
    public const int MinimumLength = 32;

    // Domain separation: a checkpoint MAC can never be mistaken for a record hash, or the other way round.
    private static readonly byte[] CheckpointLabel = "mcp-platform.audit-checkpoint/1"u8.ToArray();

    private readonly byte[] _record;
    private readonly byte[] _checkpoint;

    private AuditChainKey(byte[] key)
    {
        _record = key;
        _checkpoint = HMACSHA256.HashData(key, CheckpointLabel);
    }

    /// <summary>The key as a secret store holds it: its text, surrounding white space ignored.</summary>
    /// <param name="secret">The secret's value.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">Shorter than <see cref="MinimumLength"/> characters (the message never holds the value).</exception>
    public static AuditChainKey FromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = secret.Trim();
        if (text.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"The audit chain key has {text.Length} characters; it needs at least {MinimumLength} (generate one with: openssl rand -base64 32).",
                nameof(secret));
        }

        return new AuditChainKey(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A new random key as the text to store (32 random bytes, base64).</summary>
    /// <returns>The secret's value.</returns>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key records are hashed with; only the hashers see it.</summary>
    internal byte[] RecordKey => _record;

    /// <summary>The key checkpoints are signed with, derived from the record key.</summary>
    internal byte[] CheckpointKey => _checkpoint;

    /// <summary>Never prints the key.</summary>
    /// <returns>A placeholder.</returns>
    public override string ToString() => "AuditChainKey(redacted)";
}

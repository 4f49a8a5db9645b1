using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using McpPlatform.Hosting.Audit;

namespace McpPlatform.Cli.Audit;

/// <summary>
/// Verifies the hash chains in audit files (CLEF, one JSON object per line) and finds the first problem.
/// </summary>
/// <remarks>
/// <para>
/// Files are read in the order given, line by line, in constant memory; a chain (one server process)
/// may continue from one file into the next, and a new chain may start in any file. Callers pass a
/// rolling file set oldest first: Serilog's rolling names (<c>audit-20261125.clef</c>,
/// <c>audit-20261125_001.clef</c>, <c>audit-20261126.clef</c>) sort chronologically byte by byte, which is
/// what a shell glob gives with <c>LC_ALL=C</c>.
/// </para>
/// <para>
/// For each record: its <see cref="AuditFields.Hash"/> must match <see cref="AuditChain.ComputeHash(JsonElement)"/>,
/// its <see cref="AuditFields.Seq"/> must follow the previous record of its chain (1 for a chain's first
/// record), and its <see cref="AuditFields.PrevHash"/> must be the previous record's hash
/// (<see cref="AuditChain.GenesisHash"/> for <c>Seq</c> 1). A gap in <c>Seq</c> is reported as deleted
/// records unless a missing record turns up later in the files, which makes it a reordering.
/// </para>
/// </remarks>
internal sealed class AuditVerifier
{
    private const int MaxChainIdLength = 128;

    private static readonly FrozenSet<string> AuditFieldNames = AuditFields.Hashed.Append(AuditFields.Hash).ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, ChainState> _chains = new(StringComparer.Ordinal);
    private readonly List<ChainState> _chainOrder = [];
    private long _records;
    private AuditProblem? _problem;
    private PendingGap? _pending;

    private AuditVerifier(bool allowTruncatedStart) => AllowTruncatedStart = allowTruncatedStart;

    private bool AllowTruncatedStart { get; }

    /// <summary>
    /// Verifies <paramref name="files"/>, read in the order given.
    /// </summary>
    /// <param name="files">The audit files, oldest first.</param>
    /// <param name="allowTruncatedStart">
    /// Accept a chain whose first records are missing (older files removed by retention) and verify it from
    /// its first record present, instead of reporting <see cref="AuditProblemKinds.TruncatedChainStart"/>.
    /// </param>
    /// <param name="cancellationToken">Stops reading between lines.</param>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be opened.</exception>
    public static AuditVerification Verify(IReadOnlyList<string> files, bool allowTruncatedStart = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var verifier = new AuditVerifier(allowTruncatedStart);
        foreach (var file in files)
        {
            if (!verifier.ReadFile(file, files.Count, cancellationToken))
            {
                break;
            }
        }

        var problem = verifier._pending?.Problem ?? verifier._problem;
        var chains = verifier._chainOrder.Select(c => new AuditChainSummary(c.Id, c.FirstSeq, c.LastSeq, c.Records)).ToList();
        return new AuditVerification(files.Count, verifier._records, chains, problem);
    }

    /// <summary>Reads one file; false once the outcome is settled and no further line can change it.</summary>
    private bool ReadFile(string file, int fileCount, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0;
        var firstRecordOfFile = true;
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var position = new Position(file, lineNumber, firstRecordOfFile && fileCount > 1, reader.EndOfStream);
            firstRecordOfFile = false;
            if (!Accept(line, position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks one non-blank line; false once the outcome is settled.</summary>
    private bool Accept(string line, Position position)
    {
        using var document = Parse(line, position);
        if (document is null)
        {
            return _pending is not null; // malformed lines do not stop the search for a missing record
        }

        var record = ReadRecord(document.RootElement, position);
        if (record is null)
        {
            return _pending is not null;
        }

        if (_pending is { } pending)
        {
            // A problem is already found; only a missing record turning up later can change its kind.
            if (record.ChainId == pending.ChainId && record.Seq >= pending.MissingFrom && record.Seq <= pending.MissingTo)
            {
                _pending = pending with
                {
                    Problem = pending.Problem with
                    {
                        Kind = AuditProblemKinds.Reordered,
                        Message = $"record out of order: seq {pending.Problem.Seq} comes before seq {record.Seq}, which appears later "
                            + $"at {record.Position.File}:{record.Position.Line}{OrderHint(pending.Position)}",
                    },
                };
                return false;
            }

            return true;
        }

        return Check(record);
    }

    private bool Check(Record record)
    {
        var position = record.Position;
        if (!string.Equals(record.Hash, record.ComputedHash, StringComparison.Ordinal))
        {
            return Fail(position, record, AuditProblemKinds.Edited, "record was edited (hash mismatch)");
        }

        if (!_chains.TryGetValue(record.ChainId, out var chain))
        {
            if (record.Seq == 1)
            {
                if (record.PrevHash != AuditChain.GenesisHash)
                {
                    return Fail(position, record, AuditProblemKinds.Edited, "record was edited: seq 1 does not start from the genesis hash");
                }
            }
            else if (!AllowTruncatedStart)
            {
                _pending = new PendingGap(
                    record.ChainId, 1, record.Seq - 1, position,
                    Problem(position, record, AuditProblemKinds.TruncatedChainStart,
                        $"the chain's beginning is missing: its first record here is seq {record.Seq}, not 1 "
                        + $"(earlier files not given, or records deleted){OrderHint(position)}"));
                return true;
            }

            chain = new ChainState(record.ChainId, record.Seq);
            _chains.Add(chain.Id, chain);
            _chainOrder.Add(chain);
        }
        else
        {
            var expected = chain.LastSeq + 1;
            if (record.Seq > expected)
            {
                var missing = record.Seq - expected;
                var which = missing == 1 ? $"seq {expected}" : $"seq {expected}..{record.Seq - 1}";
                _pending = new PendingGap(
                    record.ChainId, expected, record.Seq - 1, position,
                    Problem(position, record, AuditProblemKinds.Deleted,
                        $"{missing} record{(missing == 1 ? " is" : "s are")} missing before it ({which}; expected seq {expected}, got {record.Seq}){OrderHint(position)}"));
                return true;
            }

            if (record.Seq < expected)
            {
                var what = record.Seq == chain.LastSeq ? $"appears twice (again after {chain.LastFile}:{chain.LastLine})" : $"appears after seq {chain.LastSeq} ({chain.LastFile}:{chain.LastLine})";
                return Fail(position, record, AuditProblemKinds.Reordered, $"record out of order: seq {record.Seq} {what}{OrderHint(position)}");
            }

            if (!string.Equals(record.PrevHash, chain.LastHash, StringComparison.Ordinal))
            {
                return Fail(position, record, AuditProblemKinds.Edited,
                    $"the chain is broken: PrevHash does not match the hash of seq {chain.LastSeq} ({chain.LastFile}:{chain.LastLine}); "
                    + "that record was rewritten with a recomputed hash, or records were spliced in");
            }
        }

        chain.LastSeq = record.Seq;
        chain.LastHash = record.Hash;
        chain.LastFile = position.File;
        chain.LastLine = position.Line;
        chain.Records++;
        _records++;
        return true;
    }

    private JsonDocument? Parse(string line, Position position)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            Malformed(position, $"the line is not valid JSON (at byte {e.BytePositionInLine}){TruncationHint(position)}");
            return null;
        }
    }

    /// <summary>The chain fields of a record, or null (and a malformed problem) when they are missing or garbled.</summary>
    private Record? ReadRecord(JsonElement root, Position position)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Malformed(position, "the line is not a JSON object");
            return null;
        }

        if (RepeatedAuditField(root) is { } repeated)
        {
            Malformed(position, $"the field {repeated} appears more than once");
            return null;
        }

        if (StringField(root, AuditFields.AuditSchema) is not { } schema)
        {
            Malformed(position, $"not an audit record: no {AuditFields.AuditSchema}");
            return null;
        }

        if (schema != AuditFields.SchemaVersion)
        {
            Malformed(position, $"unsupported {AuditFields.AuditSchema}; this verifier reads {AuditFields.SchemaVersion}");
            return null;
        }

        if (StringField(root, AuditFields.ChainId) is not { Length: > 0 and <= MaxChainIdLength } chainId || chainId.Any(char.IsControl))
        {
            Malformed(position, $"{AuditFields.ChainId} is missing or not an id");
            return null;
        }

        if (!root.TryGetProperty(AuditFields.Seq, out var seqElement) || seqElement.ValueKind != JsonValueKind.Number
            || !seqElement.TryGetInt64(out var seq) || seq < 1)
        {
            Malformed(position, $"{AuditFields.Seq} is missing or not a positive integer", chainId);
            return null;
        }

        if (HashField(root, AuditFields.PrevHash) is not { } prevHash)
        {
            Malformed(position, $"{AuditFields.PrevHash} is missing or not a lower-case hex SHA-256", chainId, seq);
            return null;
        }

        if (HashField(root, AuditFields.Hash) is not { } hash)
        {
            Malformed(position, $"{AuditFields.Hash} is missing or not a lower-case hex SHA-256", chainId, seq);
            return null;
        }

        string computed;
        try
        {
            computed = AuditChain.ComputeHash(root);
        }
        catch (FormatException e)
        {
            Malformed(position, e.Message, chainId, seq);
            return null;
        }

        return new Record(position, chainId, seq, prevHash, hash, computed);
    }

    private static string? RepeatedAuditField(JsonElement root)
    {
        HashSet<string>? seen = null;
        foreach (var property in root.EnumerateObject())
        {
            if (AuditFieldNames.Contains(property.Name))
            {
                seen ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(property.Name))
                {
                    return property.Name;
                }
            }
        }

        return null;
    }

    private static string? StringField(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // an escaped unpaired surrogate
        }
    }

    private static string? HashField(JsonElement root, string name)
    {
        if (StringField(root, name) is not { } value)
        {
            return null;
        }

        return value.Length == AuditChain.GenesisHash.Length && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) ? value : null;
    }

    private void Malformed(Position position, string message, string? chainId = null, long? seq = null)
    {
        if (_pending is null)
        {
            _problem = new AuditProblem(position.File, position.Line, chainId, seq, AuditProblemKinds.Malformed, message);
        }
    }

    private bool Fail(Position position, Record record, string kind, string message)
    {
        _problem = Problem(position, record, kind, message);
        return false;
    }

    private static AuditProblem Problem(Position position, Record record, string kind, string message) =>
        new(position.File, position.Line, record.ChainId, record.Seq, kind, message);

    private static string OrderHint(Position position) =>
        position.FirstRecordOfFile
            ? " — it is the first record of its file: if the files were not given oldest first, list them in order (a shell glob sorts Serilog's rolling names chronologically with LC_ALL=C)"
            : string.Empty;

    private static string TruncationHint(Position position) =>
        position.LastLine ? " — it is the last line: a server still writing the file, or stopped mid-write, leaves it incomplete" : string.Empty;

    private readonly record struct Position(string File, long Line, bool FirstRecordOfFile, bool LastLine);

    private sealed record Record(Position Position, string ChainId, long Seq, string PrevHash, string Hash, string ComputedHash);

    /// <summary>A gap in a chain (or its missing start), reported unless a missing record turns up later.</summary>
    private sealed record PendingGap(string ChainId, long MissingFrom, long MissingTo, Position Position, AuditProblem Problem);

    private sealed class ChainState(string id, long firstSeq)
    {
        public string Id { get; } = id;

        public long FirstSeq { get; } = firstSeq;

        public long LastSeq { get; set; }

        public string LastHash { get; set; } = AuditChain.GenesisHash;

        public string LastFile { get; set; } = string.Empty;

        public long LastLine { get; set; }

        public long Records { get; set; }
    }
}

using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Audit;

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
/// <para>
/// Records of <see cref="AuditFields.SchemaVersion"/> are keyed: their hash is an HMAC-SHA256 under the
/// <see cref="AuditChainKey"/>, so a rewrite without the key (a plain SHA-256 recompute) is told apart from an
/// edit. With the checkpoint folder, each chain must reach the head its newest signed checkpoint vouches for
/// (else its tail was cut, or the file the checkpoint names was deleted), and every chain-start record's
/// previous head must match the chain it names. Records of the earlier keyed <see cref="AuditFields.EarlierKeyedSchemaVersion"/>
/// (hashed before RFC 8785) are verified by that form's rules and counted. Records of the earlier <see cref="AuditFields.UnkeyedSchemaVersion"/>
/// are verified as before and counted, so the caller can say their integrity is not provable against an insider.
/// </para>
/// </remarks>
internal sealed class AuditVerifier
{
    private const int MaxChainIdLength = 128;

    private static readonly FrozenSet<string> AuditFieldNames = AuditFields.Hashed.Concat(AuditFields.HashedOptional).Append(AuditFields.Hash).ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, ChainState> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AuditCheckpoint Checkpoint, string Path)> _checkpoints = new(StringComparer.Ordinal);
    private readonly List<ChainStartReference> _starts = [];
    private readonly HashSet<string> _fileNames = new(StringComparer.Ordinal);
    private readonly AuditChainKey? _key;
    private long _unkeyedRecords;
    private long _earlierKeyedRecords; // mcp-platform.audit/2: keyed, hashed before RFC 8785
    private bool _fatal;
    private readonly List<ChainState> _chainOrder = [];
    private long _records;
    private AuditProblem? _problem;
    private PendingGap? _pending;

    private AuditVerifier(AuditVerifyOptions options)
    {
        AllowTruncatedStart = options.AllowTruncatedStart;
        _key = options.Key;
    }

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
    public static AuditVerification Verify(IReadOnlyList<string> files, bool allowTruncatedStart = false, CancellationToken cancellationToken = default) =>
        Verify(files, new AuditVerifyOptions(AllowTruncatedStart: allowTruncatedStart), cancellationToken);

    /// <summary>Verifies <paramref name="files"/>, read in the order given, with the key and checkpoints in <paramref name="options"/>.</summary>
    /// <param name="files">The audit files, oldest first.</param>
    /// <param name="options">The key, the checkpoint folder, and whether a missing chain start is accepted.</param>
    /// <param name="cancellationToken">Stops reading between lines.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be opened.</exception>
    public static AuditVerification Verify(IReadOnlyList<string> files, AuditVerifyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var verifier = new AuditVerifier(options);
        foreach (var file in files)
        {
            verifier._fileNames.Add(Path.GetFileName(file));
        }

        if (options.CheckpointFolder is { } folder && options.Key is { } key)
        {
            verifier.LoadCheckpoints(folder, key);
        }

        if (verifier._problem is null)
        {
            foreach (var file in files)
            {
                if (!verifier.ReadFile(file, files.Count, cancellationToken))
                {
                    break;
                }
            }
        }

        if (verifier._pending is null && verifier._problem is null)
        {
            verifier.CheckChainStarts();
        }

        if (verifier._pending is null && verifier._problem is null)
        {
            verifier.CheckCheckpoints();
        }

        var problem = verifier._pending?.Problem ?? verifier._problem;
        var chains = verifier._chainOrder.Select(c => new AuditChainSummary(c.Id, c.FirstSeq, c.LastSeq, c.Records)).ToList();
        return new AuditVerification(files.Count, verifier._records, chains, problem, verifier._unkeyedRecords, verifier._checkpoints.Count, verifier._earlierKeyedRecords);
    }

    /// <summary>Reads every checkpoint in <paramref name="folder"/>; the first that is not one, or not signed with the key, is the problem.</summary>
    private void LoadCheckpoints(string folder, AuditChainKey key)
    {
        foreach (var path in Directory.EnumerateFiles(folder, AuditCheckpoint.FilePattern).Order(StringComparer.Ordinal))
        {
            AuditCheckpoint checkpoint;
            try
            {
                checkpoint = AuditCheckpoint.Parse(File.ReadAllText(path));
            }
            catch (FormatException e)
            {
                _problem = new AuditProblem(path, 1, null, null, AuditProblemKinds.CheckpointInvalid, $"not an audit checkpoint: {e.Message}");
                return;
            }

            if (!checkpoint.IsSignedBy(key))
            {
                _problem = new AuditProblem(path, 1, checkpoint.ChainId, checkpoint.Seq, AuditProblemKinds.CheckpointInvalid,
                    "the checkpoint's signature does not verify with this key: it was forged or changed, or the key is not the one the server used");
                return;
            }

            _checkpoints[checkpoint.ChainId] = (checkpoint, path);
        }
    }

    /// <summary>Each chain-start record's previous head must be the chain it names, as far as that chain is in the files.</summary>
    private void CheckChainStarts()
    {
        foreach (var start in _starts)
        {
            if (!_chains.TryGetValue(start.PreviousChainId, out var previous))
            {
                if (AllowTruncatedStart)
                {
                    continue; // the earlier chain's files were removed by retention
                }

                _problem = new AuditProblem(start.Position.File, start.Position.Line, start.ChainId, 1, AuditProblemKinds.DeletedFile,
                    $"chain {start.ChainId} starts after chain {start.PreviousChainId} (seq {start.PreviousSeq}{InFile(start.PreviousFile)}), "
                    + "which is in none of the files given: that file was deleted, or not given (give every file, oldest first, or --allow-truncated-start)");
                return;
            }

            if (previous.LastSeq < start.PreviousSeq)
            {
                _problem = TruncatedTail(previous, start.PreviousSeq, $"the next chain's first record ({start.Position.File}:{start.Position.Line})", start.PreviousFile);
                return;
            }

            if (previous.LastSeq == start.PreviousSeq && !string.Equals(previous.LastHash, start.PreviousHash, StringComparison.Ordinal))
            {
                _problem = new AuditProblem(previous.LastFile, previous.LastLine, previous.Id, previous.LastSeq, AuditProblemKinds.Rewritten,
                    $"the chain was rewritten: its last record is not the one the next chain's first record names ({start.Position.File}:{start.Position.Line})");
                return;
            }
        }
    }

    /// <summary>Each chain must reach its newest checkpoint's head, in the file that checkpoint names.</summary>
    private void CheckCheckpoints()
    {
        foreach (var (checkpoint, path) in _checkpoints.Values.OrderBy(c => c.Checkpoint.Time, StringComparer.Ordinal))
        {
            var fileGiven = checkpoint.File is null || _fileNames.Contains(checkpoint.File);
            if (_chains.TryGetValue(checkpoint.ChainId, out var chain))
            {
                if (chain.LastSeq >= checkpoint.Seq)
                {
                    continue;
                }

                _problem = fileGiven
                    ? TruncatedTail(chain, checkpoint.Seq, $"its signed checkpoint of {checkpoint.Time}", checkpoint.File)
                    : DeletedFile(path, checkpoint);
                return;
            }

            if (AllowTruncatedStart && !fileGiven)
            {
                continue; // the chain's files were removed by retention
            }

            _problem = fileGiven
                ? new AuditProblem(path, 1, checkpoint.ChainId, checkpoint.Seq, AuditProblemKinds.TruncatedTail,
                    $"the signed checkpoint of {checkpoint.Time} says chain {checkpoint.ChainId} reached seq {checkpoint.Seq}{InFile(checkpoint.File)}, "
                    + "but none of its records are in the files given: they were cut out")
                : DeletedFile(path, checkpoint);
            return;
        }
    }

    private static AuditProblem DeletedFile(string path, AuditCheckpoint checkpoint) =>
        new(path, 1, checkpoint.ChainId, checkpoint.Seq, AuditProblemKinds.DeletedFile,
            $"the signed checkpoint of {checkpoint.Time} says chain {checkpoint.ChainId} reached seq {checkpoint.Seq} in {checkpoint.File}, "
            + "which is not among the files given: the file was deleted, or not given (give every file, oldest first, or --allow-truncated-start after retention)");

    private static AuditProblem TruncatedTail(ChainState chain, long vouchedSeq, string source, string? file) =>
        new(chain.LastFile, chain.LastLine, chain.Id, chain.LastSeq, AuditProblemKinds.TruncatedTail,
            $"the chain ends at seq {chain.LastSeq}, but {source} says seq {vouchedSeq} was written{InFile(file)}: "
            + $"{vouchedSeq - chain.LastSeq} record{(vouchedSeq - chain.LastSeq == 1 ? " was" : "s were")} cut off the end");

    private static string InFile(string? file) => file is null ? string.Empty : $", in {file}";

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
            return _pending is not null && !_fatal;
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
            if (record.Keyed && string.Equals(record.Hash, record.UnkeyedHash, StringComparison.Ordinal))
            {
                return Fail(position, record, AuditProblemKinds.Rewritten,
                    "the chain was rewritten: this record's hash is a plain SHA-256 recomputed without the audit chain key");
            }

            var wrongKey = record.Keyed && _records == 0 ? " — if every record fails, the key is not the one the server used" : string.Empty;
            return Fail(position, record, AuditProblemKinds.Edited, "record was edited (hash mismatch)" + wrongKey);
        }

        if (!record.Keyed)
        {
            if (_checkpoints.ContainsKey(record.ChainId))
            {
                return Fail(position, record, AuditProblemKinds.Rewritten,
                    "the chain was rewritten: it has a signed checkpoint, so the server keyed it, but this record is of the earlier, unkeyed form");
            }

            _unkeyedRecords++;
        }

        if (record.EarlierKeyed)
        {
            _earlierKeyedRecords++;
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

            chain = new ChainState(record.ChainId, record.Seq) { Keyed = record.Keyed };
            _chains.Add(chain.Id, chain);
            _chainOrder.Add(chain);
        }
        else
        {
            if (chain.Keyed != record.Keyed)
            {
                return Fail(position, record, AuditProblemKinds.Rewritten,
                    $"the chain was rewritten: it began in the {(chain.Keyed ? "keyed" : "unkeyed")} form and this record is {(record.Keyed ? "keyed" : "unkeyed")}");
            }

            var expected = chain.LastSeq + 1;
            if (record.Seq > expected)
            {
                var missing = record.Seq - expected;
                var which = missing == 1 ? $"seq {expected}" : $"seq {expected}..{record.Seq - 1}";
                var acrossFiles = position.FirstRecordOfFile && !string.Equals(chain.LastFile, position.File, StringComparison.Ordinal);
                _pending = new PendingGap(
                    record.ChainId, expected, record.Seq - 1, position,
                    acrossFiles
                        ? Problem(position, record, AuditProblemKinds.DeletedFile,
                            $"{missing} record{(missing == 1 ? " is" : "s are")} missing between {chain.LastFile} and this file ({which}; expected seq {expected}, got {record.Seq}): "
                            + $"a file between them was deleted, or records were cut from the end of one or the start of the other{OrderHint(position)}")
                        : Problem(position, record, AuditProblemKinds.Deleted,
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

        if (_checkpoints.TryGetValue(record.ChainId, out var vouched) && vouched.Checkpoint.Seq == record.Seq
            && !string.Equals(vouched.Checkpoint.Head, record.Hash, StringComparison.Ordinal))
        {
            return Fail(position, record, AuditProblemKinds.Rewritten,
                $"the chain was rewritten: this record is not the one its signed checkpoint of {vouched.Checkpoint.Time} vouches for ({vouched.Path})");
        }

        if (record.ChainStart is { } start)
        {
            _starts.Add(start);
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

        var keyed = schema is AuditFields.SchemaVersion or AuditFields.EarlierKeyedSchemaVersion;
        if (!keyed && schema != AuditFields.UnkeyedSchemaVersion)
        {
            Malformed(position, $"unsupported {AuditFields.AuditSchema}; this verifier reads {AuditFields.SchemaVersion} and the earlier {AuditFields.EarlierKeyedSchemaVersion} and {AuditFields.UnkeyedSchemaVersion}");
            return null;
        }

        if (keyed && _key is null)
        {
            _problem = new AuditProblem(position.File, position.Line, null, null, AuditProblemKinds.KeyRequired,
                $"the records are keyed ({schema}) and no audit chain key was given");
            _pending = null;
            _fatal = true;
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
        string? unkeyed = null;
        try
        {
            computed = AuditChain.ComputeHash(root, keyed ? _key : null);
            if (keyed && computed != hash)
            {
                unkeyed = AuditChain.ComputeHash(root); // tells a recompute without the key from an edit
            }
        }
        catch (FormatException e)
        {
            Malformed(position, e.Message, chainId, seq);
            return null;
        }

        var start = StringField(root, AuditFields.Kind) == AuditRecord.ChainStartKind ? ChainStartOf(root, position, chainId) : null;
        return new Record(position, chainId, seq, prevHash, hash, computed, keyed, unkeyed, start, schema == AuditFields.EarlierKeyedSchemaVersion);
    }

    /// <summary>The previous head a chain-start record names in its Arguments, or null when it names none.</summary>
    private static ChainStartReference? ChainStartOf(JsonElement root, Position position, string chainId)
    {
        if (StringField(root, AuditFields.Arguments) is not { } arguments)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(arguments);
            var previous = document.RootElement;
            return previous.ValueKind == JsonValueKind.Object
                && StringField(previous, "previousChainId") is { } previousChainId
                && previous.TryGetProperty("previousSeq", out var seq) && seq.TryGetInt64(out var previousSeq)
                && HashField(previous, "previousHash") is { } previousHash
                ? new ChainStartReference(chainId, position, previousChainId, previousSeq, previousHash, StringField(previous, "previousFile"))
                : null;
        }
        catch (JsonException)
        {
            return null; // the record's own hash covers it; an unreadable reference just cannot be checked
        }
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

    private sealed record Record(
        Position Position, string ChainId, long Seq, string PrevHash, string Hash, string ComputedHash, bool Keyed, string? UnkeyedHash, ChainStartReference? ChainStart, bool EarlierKeyed);

    /// <summary>What a chain-start record says about the chain before it.</summary>
    private sealed record ChainStartReference(string ChainId, Position Position, string PreviousChainId, long PreviousSeq, string PreviousHash, string? PreviousFile);

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

        public bool Keyed { get; init; }
    }
}

/// <summary>How <see cref="AuditVerifier"/> verifies: the key of keyed records, the checkpoint folder, and whether a missing chain start is accepted.</summary>
/// <param name="Key">The audit chain key; null verifies only records of the earlier, unkeyed form.</param>
/// <param name="CheckpointFolder">The folder of signed checkpoints; null skips the cut-tail and deleted-file checks that need them.</param>
/// <param name="AllowTruncatedStart">Accept chains (and previous chains) whose files were removed by retention.</param>
internal sealed record AuditVerifyOptions(AuditChainKey? Key = null, string? CheckpointFolder = null, bool AllowTruncatedStart = false);

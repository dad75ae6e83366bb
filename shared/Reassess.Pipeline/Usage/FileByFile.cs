using Reassess.Core.Ingestion;

namespace Reassess.Pipeline.Usage;

/// <summary>What reading one file gave: its records and problems, its size, and whether it was refused whole.</summary>
public sealed record FileRead<T>(string File, ReadResult<T> Result, long Bytes, bool Refused);

/// <summary>What reading a list of files gave, in file order: every record, every problem (with its file and where in it) and the bytes read.</summary>
public sealed class FilesRead<T>
{
    private readonly List<T> _records = [];
    private readonly List<InputProblem> _skipped = [];
    private readonly List<InputProblem> _rejected = [];

    public IReadOnlyList<T> Records => _records;
    public IReadOnlyList<InputProblem> Skipped => _skipped;
    public IReadOnlyList<InputProblem> Rejected => _rejected;
    public long Bytes { get; private set; }

    internal void Add(FileRead<T> read)
    {
        _records.AddRange(read.Result.Records);
        _skipped.AddRange(read.Result.Skipped);
        _rejected.AddRange(read.Result.Rejected);
        Bytes += read.Bytes;
    }
}

/// <summary>
/// The one way files become canonical records, for the ingest job and <c>reassess usage import</c> alike: each file is
/// read with its reader, a bad entry is rejected with its file and place and the rest read on, and a file that cannot
/// be read at all becomes one problem and adds nothing while the other files are still read.
/// </summary>
public static class FileByFile
{
    /// <summary>Reads one file; a file refused whole comes back empty with the refusal as its one rejection.</summary>
    public static async Task<FileRead<T>> ReadAsync<T>(string file, IRecordReader<T> reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        long bytes = 0;
        try
        {
            await using var stream = File.OpenRead(file);
            bytes = stream.Length;
            var now = clock.GetUtcNow();
            var result = await reader.ReadAsync(stream, file, new ReadContext(now, now), cancellationToken).ConfigureAwait(false);
            return new FileRead<T>(file, result, bytes, Refused: false);
        }
        catch (InputRejectedException e)
        {
            // Rows of this file stored by an earlier run are not withdrawn: a broken re-drop must not erase good usage.
            var refusal = e.Problem with { Message = $"{e.Problem.Message} — file skipped; rows stored before stay." };
            return new FileRead<T>(file, new ReadResult<T>([], [], [refusal]), bytes, Refused: true);
        }
    }

    /// <summary>Reads every file in order with the reader <paramref name="readerFor"/> gives it; <paramref name="onRead"/> sees each file as it is read.</summary>
    public static async Task<FilesRead<T>> ReadAllAsync<T>(
        IEnumerable<string> files, Func<string, IRecordReader<T>> readerFor, TimeProvider clock, Action<FileRead<T>>? onRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readerFor);
        var all = new FilesRead<T>();
        foreach (var file in files)
        {
            var read = await ReadAsync(file, readerFor(file), clock, cancellationToken).ConfigureAwait(false);
            all.Add(read);
            onRead?.Invoke(read);
        }

        return all;
    }
}

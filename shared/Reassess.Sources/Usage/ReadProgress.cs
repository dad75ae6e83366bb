namespace Reassess.Sources.Usage;

/// <summary>How far a streamed read has got: rows and input bytes so far, and the time taken.</summary>
public sealed record ReadProgress(long Rows, long Bytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1_048_576d / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Rows:N0} rows, {Bytes / 1_048_576d:N1} MB in {Elapsed.TotalSeconds:N1} s ({RowsPerSecond:N0} rows/s, {MegabytesPerSecond:N1} MB/s)");
}

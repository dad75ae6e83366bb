using System.Globalization;
using System.Text;

namespace Reassess.Storage.Tables;

/// <summary>
/// Rules for PartitionKey and RowKey values (docs/architecture.md, Storage): the table service rejects <c>/ \ # ?</c> and control
/// characters and keys over 1 KiB, with an error that does not say which value was wrong. Checking here first
/// turns that into a message naming the key and the reason.
/// </summary>
public static class StorageKeys
{
    /// <summary>Keys are stored as UTF-16, so 1 KiB holds 512 characters.</summary>
    public const int MaxKeyBytes = 1024;

    private const char Escape = '~';

    /// <summary>Characters the service forbids in keys, plus the escape itself and the separator stores put between key parts.</summary>
    private const string Escaped = "~/\\#?|%";

    /// <summary>Returns <paramref name="value"/> when it can be a key; otherwise throws a message naming <paramref name="what"/>.</summary>
    public static string Validate(string? value, string what)
    {
        var problem = Problem(value);
        return problem is null ? value! : throw new ArgumentException($"{what} {Quote(value)} cannot be a table key: {problem}.");
    }

    /// <summary>Why <paramref name="value"/> cannot be a key, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "it is empty";
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?') return $"it contains '{c}', which table keys cannot hold";
            if (char.IsControl(c)) return $"it contains the control character U+{(int)c:X4}, which table keys cannot hold";
        }

        var bytes = value.Length * 2;
        return bytes > MaxKeyBytes
            ? $"it is {value.Length} characters ({bytes} bytes as stored) and a key holds at most {MaxKeyBytes} bytes ({MaxKeyBytes / 2} characters)"
            : null;
    }

    /// <summary>
    /// Makes any text (a model such as <c>meta-llama/llama-3</c>, a source name) safe as part of a key, reversibly:
    /// forbidden characters, control characters, the <c>|</c> that separates key parts and the escape <c>~</c> itself
    /// become <c>~XX</c> (hex). Ordinary names are left as they are, so keys stay readable.
    /// </summary>
    public static string Encode(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (NeedsEscape(c)) builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        if (!encoded.Contains(Escape, StringComparison.Ordinal)) return encoded;
        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != Escape)
            {
                builder.Append(encoded[i]);
                continue;
            }

            if (i + 2 >= encoded.Length ||
                !int.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                throw new FormatException($"'{encoded}' is not an encoded key part: '~' must be followed by two hex digits.");
            builder.Append((char)code);
            i += 2;
        }

        return builder.ToString();
    }

    /// <summary>
    /// A time as a row key that sorts latest first (rows come back in ascending key order): the ticks left until
    /// <see cref="DateTimeOffset.MaxValue"/>, 19 digits so string order equals number order.
    /// </summary>
    public static string InvertedTicks(DateTimeOffset instant) =>
        (DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromInvertedTicks(string key) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>Partitions a bulk table spreads its workloads over.</summary>
    public const int Shards = 16;

    /// <summary>
    /// The partition a workload's rows go to in the bulk tables (usage, evals, assessments): <c>s00</c>…<c>s15</c> by a
    /// stable FNV-1a hash of the id. Sixteen partitions give full 100-row transactions and parallel writes at company
    /// size, while the weekly run reads everything with sixteen partition queries per table.
    /// </summary>
    public static string Shard(string workloadId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(workloadId))
            hash = (hash ^ b) * 16777619u;
        return ShardName((int)(hash % Shards));
    }

    public static string ShardName(int shard) => "s" + shard.ToString("D2", CultureInfo.InvariantCulture);

    public static IEnumerable<string> AllShards => Enumerable.Range(0, Shards).Select(ShardName);

    /// <summary>A day as a key part that sorts by date.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c) => c < 0x100 && (Escaped.Contains(c) || char.IsControl(c));

    /// <summary>The value as shown in a message: control characters spelled out, long values cut.</summary>
    private static string Quote(string? value)
    {
        if (value is null) return "(null)";
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        var builder = new StringBuilder(shown.Length + 2).Append('\'');
        foreach (var c in shown)
        {
            if (char.IsControl(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }
}

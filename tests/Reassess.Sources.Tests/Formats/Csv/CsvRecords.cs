using Reassess.Sources.Formats.Csv;

namespace Reassess.Sources.Tests.Formats.Csv;

/// <summary>Every record of a text at once: what tests compare; the readers themselves stream record by record.</summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> ReadAll(this CsvReader reader)
    {
        while (reader.Read() is { } record) yield return record;
    }
}

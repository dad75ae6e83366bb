using System.Text;

namespace Reassess.Sources.Formats.Csv;

/// <summary>One CSV record: the physical line it starts on, its fields as written (quotes removed) and, when the
/// record is malformed in a way that only costs this record, what is wrong with it.</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields, string? Problem = null)
{
    /// <summary>A line with nothing on it (no characters, or only one empty field).</summary>
    public bool IsBlank => Fields.Count == 1 && Fields[0].Length == 0 && Problem is null;
}

/// <summary>
/// An RFC 4180 CSV tokenizer: fields separated by commas, records by CRLF, LF or CR; a field may be quoted, and a
/// quoted field may hold commas, line breaks and doubled quotes (<c>""</c>). Each record carries the physical line
/// it starts on, so problems can point a person at the right line even when quoted fields span several lines.
/// A byte-order mark at the start is ignored. A quote that is never closed swallows the rest of the input, so it
/// throws <see cref="CsvSyntaxException"/>; smaller slips (text after a closing quote) are reported on the record.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private bool _started;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        if (!_started)
        {
            _started = true;
            if (reader.Peek() == '\uFEFF') reader.Read();
        }

        if (reader.Peek() < 0) return null;

        var recordLine = _line;
        var fields = new List<string>();
        string? problem = null;
        _field.Clear();

        while (true)
        {
            var c = reader.Read();
            if (c == '"' && _field.Length == 0)
            {
                ReadQuoted(recordLine);
                // After the closing quote only a separator or the end of the record may follow.
                var next = reader.Peek();
                if (next >= 0 && next != ',' && next != '\r' && next != '\n')
                {
                    problem ??= $"field {fields.Count + 1} has text after its closing quote; " +
                                "inside a quoted field write a quote as two quotes (\"\")";
                    while (reader.Peek() is >= 0 and not ',' and not '\r' and not '\n') _field.Append((char)reader.Read());
                }
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    continue;
                case '\r':
                case '\n':
                    EndOfLine(c);
                    fields.Add(_field.ToString());
                    return new CsvRecord(recordLine, fields, problem);
                case < 0:
                    fields.Add(_field.ToString());
                    return new CsvRecord(recordLine, fields, problem);
                default:
                    _field.Append((char)c);
                    continue;
            }
        }
    }

    /// <summary>Reads every remaining record.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record) yield return record;
    }

    private void ReadQuoted(int recordLine)
    {
        var openedOn = _line;
        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case < 0:
                    throw new CsvSyntaxException(openedOn,
                        $"a quoted field opened on line {openedOn} (record starting on line {recordLine}) is never closed; " +
                        "every opening quote needs a closing quote");
                case '"' when reader.Peek() == '"':
                    reader.Read();
                    _field.Append('"');
                    continue;
                case '"':
                    return;
                case '\r':
                    _field.Append('\r');
                    if (reader.Peek() == '\n') _field.Append((char)reader.Read());
                    _line++;
                    continue;
                case '\n':
                    _field.Append('\n');
                    _line++;
                    continue;
                default:
                    _field.Append((char)c);
                    continue;
            }
        }
    }

    private void EndOfLine(int c)
    {
        if (c == '\r' && reader.Peek() == '\n') reader.Read();
        _line++;
    }
}

/// <summary>CSV that cannot be split into records at all (an unclosed quote).</summary>
public sealed class CsvSyntaxException(int lineNumber, string message) : Exception(message)
{
    public int LineNumber { get; } = lineNumber;
}

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
/// <para>It reads the text in blocks and finds separators with vectorised searches rather than a character at a
/// time, because FOCUS cost exports run to gigabytes; memory stays one block and one record.</para>
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private const int BlockSize = 1 << 16;
    private readonly char[] _block = new char[BlockSize];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF') _position++;
        }

        if (Peek() < 0) return null;

        var recordLine = _line;
        var fields = new List<string>();
        string? problem = null;

        while (true)
        {
            string value;
            if (Peek() == '"')
            {
                _position++;
                _field.Clear();
                ReadQuoted(recordLine);
                // After the closing quote only a separator or the end of the record may follow.
                var next = Peek();
                if (next >= 0 && next != ',' && next != '\r' && next != '\n')
                {
                    problem ??= $"field {fields.Count + 1} has text after its closing quote; " +
                                "inside a quoted field write a quote as two quotes (\"\")";
                    AppendUntilSeparator();
                }

                value = _field.ToString();
            }
            else
            {
                value = ReadUnquoted();
            }

            fields.Add(value);
            switch (Next())
            {
                case ',':
                    continue;
                case '\r':
                    if (Peek() == '\n') _position++;
                    _line++;
                    return new CsvRecord(recordLine, fields, problem);
                case '\n':
                    _line++;
                    return new CsvRecord(recordLine, fields, problem);
                default:
                    return new CsvRecord(recordLine, fields, problem);
            }
        }
    }

    /// <summary>An unquoted field: everything up to the next comma or line break (not consumed); a quote inside is kept as text.</summary>
    private string ReadUnquoted()
    {
        if (!Available()) return "";
        var end = _block.AsSpan(_position, _length - _position).IndexOfAny(',', '\r', '\n');
        if (end >= 0)
        {
            var value = new string(_block, _position, end);
            _position += end;
            return value;
        }

        _field.Clear();
        AppendUntilSeparator();
        return _field.ToString();
    }

    private void AppendUntilSeparator()
    {
        while (Available())
        {
            var end = _block.AsSpan(_position, _length - _position).IndexOfAny(',', '\r', '\n');
            if (end >= 0)
            {
                _field.Append(_block, _position, end);
                _position += end;
                return;
            }

            _field.Append(_block, _position, _length - _position);
            _position = _length;
        }
    }

    private void ReadQuoted(int recordLine)
    {
        var openedOn = _line;
        while (true)
        {
            if (!Available())
                throw new CsvSyntaxException(openedOn,
                    $"a quoted field opened on line {openedOn} (record starting on line {recordLine}) is never closed; " +
                    "every opening quote needs a closing quote");

            var rest = _block.AsSpan(_position, _length - _position);
            var stop = rest.IndexOfAny('"', '\r', '\n');
            if (stop < 0)
            {
                _field.Append(rest);
                _position = _length;
                continue;
            }

            _field.Append(rest[..stop]);
            var c = _block[_position + stop];
            _position += stop + 1;
            switch (c)
            {
                case '"' when Peek() == '"':
                    _position++;
                    _field.Append('"');
                    continue;
                case '"':
                    return;
                case '\r':
                    _field.Append('\r');
                    if (Peek() == '\n')
                    {
                        _position++;
                        _field.Append('\n');
                    }

                    _line++;
                    continue;
                default:
                    _field.Append('\n');
                    _line++;
                    continue;
            }
        }
    }

    /// <summary>True when a character is waiting, reading the next block if the current one is used up.</summary>
    private bool Available()
    {
        if (_position < _length) return true;
        _length = reader.Read(_block, 0, _block.Length);
        _position = 0;
        return _length > 0;
    }

    private int Peek() => Available() ? _block[_position] : -1;

    private int Next() => Available() ? _block[_position++] : -1;
}

/// <summary>CSV that cannot be split into records at all (an unclosed quote).</summary>
public sealed class CsvSyntaxException(int lineNumber, string message) : Exception(message)
{
    public int LineNumber { get; } = lineNumber;
}

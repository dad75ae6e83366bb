using Reassess.Sources.Formats.Csv;

namespace Reassess.Sources.Tests.Formats.Csv;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Records(string text) => new CsvReader(new StringReader(text)).ReadAll().ToList();

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
    }

    [Fact]
    public void Each_record_carries_the_physical_line_it_starts_on()
    {
        var records = Records("h\r\n\"one\r\ntwo\r\nthree\"\r\nnext\rlast");

        Assert.Equal([1, 2, 5, 6], records.Select(r => r.LineNumber));
        Assert.Equal("one\r\ntwo\r\nthree", records[1].Fields[0]);
        Assert.Equal(["next", "last"], records.Skip(2).Select(r => r.Fields[0]));
    }

    [Fact]
    public void Byte_order_mark_is_ignored_and_a_final_line_break_adds_no_record()
    {
        var records = Records("\uFEFFkey,value\nk,1\n");

        Assert.Equal(["key", "value"], records[0].Fields);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Empty_fields_quoted_or_not_stay_empty()
    {
        Assert.Equal(["", "", "x", ""], Assert.Single(Records("\"\",,x,")).Fields);
    }

    [Fact]
    public void Blank_line_is_a_blank_record()
    {
        var records = Records("a\n\nb\n");

        Assert.Equal([false, true, false], records.Select(r => r.IsBlank));
        Assert.Equal(3, records[2].LineNumber);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_a_problem_of_that_record_only()
    {
        var records = Records("\"ab\"c,d\ne,f\n");

        Assert.Equal("field 1 has text after its closing quote; inside a quoted field write a quote as two quotes (\"\")", records[0].Problem);
        Assert.Equal(["abc", "d"], records[0].Fields);
        Assert.Null(records[1].Problem);
    }

    [Fact]
    public void Unclosed_quote_throws_naming_the_line_it_opened_on()
    {
        var error = Assert.Throws<CsvSyntaxException>(() => Records("a,b\n1,2\n3,\"never closed\n4,5\n"));

        Assert.Equal(3, error.LineNumber);
        Assert.StartsWith("a quoted field opened on line 3", error.Message);
    }
}

using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Csv;

namespace Reassess.Sources.Tests.Formats.Csv;

public sealed class CsvSheetTests
{
    private static IReadOnlyList<Entry> Sheet(string text, params string[] required) =>
        CsvSheet.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "s.csv", required);

    [Fact]
    public void Header_names_are_trimmed_and_matched_in_any_case_and_unknown_columns_are_ignored()
    {
        var entry = Assert.Single(Sheet(" Key ,EXTRA, outputPerMTok\nopenai/a, whatever , 2 \n", "key"));

        Assert.Equal(new FieldValue(FieldKind.Text, "openai/a"), entry.Field("key"));
        Assert.Equal(new FieldValue(FieldKind.Text, "2"), entry.Field("OUTPUTPERMTOK"));
        Assert.Equal(FieldValue.Absent, entry.Field("inputPerMTok"));
    }

    [Fact]
    public void Missing_required_columns_are_named_with_the_columns_found()
    {
        var error = Assert.Throws<InputRejectedException>(() => Sheet("workload,calls\n", "workload", "date", "model"));

        Assert.Equal("s.csv, line 1: missing required columns 'date', 'model'; the header has: workload, calls", error.Problem.ToString());
    }

    [Fact]
    public void Repeated_column_name_refuses_the_sheet()
    {
        var error = Assert.Throws<InputRejectedException>(() => Sheet("key,Key\n"));

        Assert.Contains("column 'Key' appears twice in the header (columns 1 and 2)", error.Problem.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var error = Assert.Throws<InputRejectedException>(() => Sheet("\n\n", "key"));

        Assert.StartsWith("the file is empty; expected a header row", error.Problem.Message);
    }

    [Fact]
    public void Row_with_too_many_or_too_few_values_is_malformed_but_stray_empty_cells_are_not()
    {
        // The header ends in a stray comma: a third, unnamed column.
        var entries = Sheet("a,b,\n1,2,,\n1,2,3,4\n1\n1,2\n");

        Assert.Equal(["line 2", "line 3", "line 4", "line 5"], entries.Select(e => e.Location));
        Assert.Null(entries[0].Problem);
        Assert.Equal("has 4 values but the header names 3 columns; a value holding a comma must be in double quotes", entries[1].Problem);
        Assert.Equal("has 1 value but the header names 3 columns; the row looks cut short (an empty value still needs its comma)", entries[2].Problem);
        Assert.Null(entries[3].Problem);
    }

    [Fact]
    public void Unclosed_quote_refuses_the_sheet_naming_the_line()
    {
        var error = Assert.Throws<InputRejectedException>(() => Sheet("a,b\n1,\"2\n3,4\n"));

        Assert.Equal(("s.csv", "line 2"), (error.Problem.Source, error.Problem.Location));
    }
}

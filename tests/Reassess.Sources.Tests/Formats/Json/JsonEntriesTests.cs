using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Tests.Formats.Json;

public sealed class JsonEntriesTests
{
    private static IReadOnlyList<Entry> Entries(string json) => JsonEntries.Read(Encoding.UTF8.GetBytes(json), "x.json", "items");

    private static InputProblem Refused(string json) => Assert.Throws<InputRejectedException>(() => Entries(json)).Problem;

    [Fact]
    public void Each_entry_knows_its_line_and_place_in_the_array()
    {
        var entries = Entries("[\n {\"a\": 1},\n\n {\"a\": 2,\n  \"b\": \"x\"}, {\"a\": 3}\n]");

        Assert.Equal(["line 2 (entry 1)", "line 4 (entry 2)", "line 5 (entry 3)"], entries.Select(e => e.Location));
        Assert.Equal(new FieldValue(FieldKind.Number, "2"), entries[1].Field("A"));
        Assert.Equal(new FieldValue(FieldKind.Text, "x"), entries[1].Field("b"));
    }

    [Fact]
    public void Wrapped_array_is_found_by_name_among_other_members_with_comments_and_trailing_commas()
    {
        var entries = Entries("\uFEFF{ \"version\": 2, \"meta\": {\"items\": 0}, // note\n \"Items\": [ {\"a\": null}, ], }");

        Assert.Equal(FieldValue.Absent, Assert.Single(entries).Field("a"));
    }

    [Fact]
    public void Value_that_is_not_an_object_is_a_bad_entry_not_a_bad_file()
    {
        var entries = Entries("[{\"a\":1}, 42, [1]]");

        Assert.Equal([null, "expected an object, found the number 42", "expected an object, found a list"], entries.Select(e => e.Problem));
    }

    [Fact]
    public void Syntax_error_refuses_the_file_with_line_and_position()
    {
        var problem = Refused("[\n  {\"a\": 1},\n  {\"a\": 2,,}\n]");

        Assert.Equal("line 3, position 11", problem.Location);
        Assert.Contains("not valid JSON", problem.Message);
    }

    [Fact]
    public void Text_after_the_array_refuses_the_file()
    {
        Assert.Equal("line 2, position 1", Refused("[{\"a\": 1}]\nx").Location);
    }

    [Fact]
    public void Scalar_document_and_empty_input_are_refused_saying_what_was_expected()
    {
        Assert.Equal("expected a JSON array of items entries, or an object with a \"items\" array; found a number", Refused("3").Message);
        Assert.Equal("the file is empty; expected a JSON array of items entries", Refused("  \n").Message);
    }
}

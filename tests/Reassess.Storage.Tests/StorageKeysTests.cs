using Reassess.Storage.Tables;

namespace Reassess.Storage.Tests;

public sealed class StorageKeysTests
{
    [Theory]
    [InlineData("team/a", "'/'")]
    [InlineData("team\\a", "'\\'")]
    [InlineData("team#a", "'#'")]
    [InlineData("team?a", "'?'")]
    [InlineData("team\u0000a", "U+0000")]
    [InlineData("team\ta", "U+0009")]
    [InlineData("team\na", "U+000A")]
    [InlineData("team\u001Fa", "U+001F")]
    [InlineData("team\u007Fa", "U+007F")]
    [InlineData("team\u0085a", "U+0085")]
    public void Each_forbidden_character_is_rejected_with_a_message_naming_the_key_and_the_character(string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => StorageKeys.Validate(value, "PartitionKey (team of workload 'w1')"));

        Assert.StartsWith("PartitionKey (team of workload 'w1') 'team", error.Message);
        Assert.Contains("cannot be a table key: it contains", error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_key_over_one_KiB_is_rejected_with_its_size()
    {
        var error = Assert.Throws<ArgumentException>(() => StorageKeys.Validate(new string('x', 513), "RowKey of a usage row"));

        Assert.Contains("RowKey of a usage row", error.Message);
        Assert.Contains("513 characters (1026 bytes as stored)", error.Message);
        Assert.Contains("at most 1024 bytes (512 characters)", error.Message);
    }

    [Fact]
    public void A_key_of_exactly_one_KiB_is_accepted()
    {
        var key = new string('x', 512);

        Assert.Equal(key, StorageKeys.Validate(key, "RowKey"));
    }

    [Fact]
    public void An_empty_key_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StorageKeys.Validate("", "Workload id"));

        Assert.Equal("Workload id '' cannot be a table key: it is empty.", error.Message);
    }

    [Theory]
    [InlineData("meta-llama/llama-3", "meta-llama~2Fllama-3")]
    [InlineData("gpt-4o", "gpt-4o")]
    [InlineData("a|b", "a~7Cb")]
    [InlineData("100%~#?\\", "100~25~7E~23~3F~5C")]
    [InlineData("line\nbreak", "line~0Abreak")]
    public void Model_names_are_encoded_reversibly_into_valid_key_parts(string model, string encoded)
    {
        Assert.Equal(encoded, StorageKeys.Encode(model));
        Assert.Null(StorageKeys.Problem(StorageKeys.Encode(model)));
        Assert.DoesNotContain('|', StorageKeys.Encode(model));
        Assert.Equal(model, StorageKeys.Decode(encoded));
    }

    [Fact]
    public void A_broken_escape_is_reported_rather_than_guessed()
    {
        Assert.Throws<FormatException>(() => StorageKeys.Decode("abc~4"));
    }

    [Fact]
    public void Inverted_ticks_sort_later_instants_first_and_convert_back()
    {
        var march = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
        var april = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(2));

        Assert.True(string.CompareOrdinal(StorageKeys.InvertedTicks(april), StorageKeys.InvertedTicks(march)) < 0);
        Assert.Equal(19, StorageKeys.InvertedTicks(march).Length);
        Assert.Equal(april, StorageKeys.FromInvertedTicks(StorageKeys.InvertedTicks(april)));
        Assert.Equal(TimeSpan.Zero, StorageKeys.FromInvertedTicks(StorageKeys.InvertedTicks(april)).Offset);
    }
}

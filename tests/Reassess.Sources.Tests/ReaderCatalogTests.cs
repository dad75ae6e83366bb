using Reassess.Sources.Prices;
using Reassess.Sources.Usage;

namespace Reassess.Sources.Tests;

public sealed class ReaderCatalogTests
{
    [Fact]
    public void Default_catalog_lists_every_reader_by_format_name()
    {
        var catalog = ReaderCatalog.Default;

        Assert.Equal(["azure-retail", "genai-prices", "litellm", "openrouter", "overrides"], catalog.Prices.Formats);
        Assert.Equal(["csv"], catalog.Usage.Formats);
        Assert.Equal(["evals"], catalog.Evals.Formats);
        Assert.IsType<GenAiPricesReader>(catalog.Prices.Get("GenAI-Prices"));
        Assert.IsType<UsageDropReader>(catalog.Usage.Get(" csv "));
        Assert.IsType<EvalDropReader>(catalog.Evals.Get("evals"));
    }

    [Fact]
    public void Unknown_format_says_which_formats_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => ReaderCatalog.Default.Prices.Get("helicone"));

        Assert.StartsWith("'helicone' is not a known price format; use one of: azure-retail, genai-prices, litellm, openrouter, overrides", error.Message);
        Assert.False(ReaderCatalog.Default.Usage.TryGet("json", out _));
    }
}
